import type { Place } from "@/lib/documents/structure/place";

// How a passage is cited, in every report format and on the reader's card:
// authors' surnames and year, then the page ("Kowalewski 2018, p. 3") or,
// without pages, the innermost heading ("§ History of …"). A source without
// authors is named by its title.

type CitedDocument = { title: string; authors: string[]; publishedAt: string | Date | null };

const MAX_TITLE = 60;
const MAX_HEADING = 80;

// "Annie Kowalewski" → "Kowalewski"; "Kowalewski, Annie" → "Kowalewski". An organization keeps its name.
export function surname(author: string): string {
  const name = author.trim().replace(/\s+/g, " ");
  if (name.includes(",")) return name.split(",")[0]!.trim();
  const words = name.split(" ");
  if (words.length > 4) return name;
  // Particles stay with the surname: "Ludwig van Beethoven" → "van Beethoven".
  let first = words.length - 1;
  while (first > 1 && /^(van|von|der|den|de|del|della|di|da|du|la|le|ten|ter|bin|al)$/i.test(words[first - 1]!))
    first -= 1;
  return words.slice(first).join(" ");
}

// "A", "A and B", "A et al.".
export function authorNames(authors: string[]): string {
  const names = authors.map(surname).filter(Boolean);
  if (names.length <= 1) return names[0] ?? "";
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} et al.`;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

// The page, else the innermost heading: "p. 3", "§ Since 1991"; null when neither is known.
export function placeLabel(place: Place): string | null {
  if (place.page !== null) return `p. ${place.page}`;
  const heading = place.section[place.section.length - 1];
  return heading ? `§ ${shorten(heading, MAX_HEADING)}` : null;
}

// "Kowalewski 2018", "Kowalewski n.d.", "“A Title” 2018".
export function citeSource(document: CitedDocument): string {
  const published = document.publishedAt ? new Date(document.publishedAt) : null;
  const year = published && !Number.isNaN(published.getTime()) ? String(published.getUTCFullYear()) : "n.d.";
  const who = authorNames(document.authors) || `“${shorten(document.title.trim() || "Untitled", MAX_TITLE)}”`;
  return `${who} ${year}`;
}

// "Kowalewski 2018, p. 3" or "Kowalewski 2018, § History of …".
export function citePassage(document: CitedDocument, place: Place): string {
  const where = placeLabel(place);
  return where ? `${citeSource(document)}, ${where}` : citeSource(document);
}

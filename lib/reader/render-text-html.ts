import { ANNOTATION_COLORS } from "@/lib/annotations/colors";
import type { Paragraph } from "./segment-text";

// The reader text as one HTML string. Rendering it through
// dangerouslySetInnerHTML keeps thousands of runs out of React's tree: the
// page is parsed and painted like static HTML and hydration never walks it.
// Every piece of document text is escaped here.
// Paragraphs carry their code-point offset (data-o). Highlights name their
// annotations by index into `annotationIds` (data-a="0 5 17": a thousand
// overlapping highlights would otherwise repeat long ids thousands of times),
// their color (yellow unless a class says otherwise) and, where annotations
// overlap, the depth.
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const colorAttribute = (color: string | null) =>
  color && color !== "yellow" && (ANNOTATION_COLORS as readonly string[]).includes(color) ? ` class="hl-${color}"` : "";

export function renderTextHtml(paragraphs: Paragraph[]): { html: string; annotationIds: string[] } {
  const indexOf = new Map<string, number>();
  const parts: string[] = [];
  for (const paragraph of paragraphs) {
    parts.push(`<p data-o="${paragraph.start}">`);
    for (const segment of paragraph.segments) {
      const text = escapeHtml(segment.text);
      if (!segment.ids.length) {
        parts.push(text);
        continue;
      }
      const indexes = segment.ids.map((id) => indexOf.get(id) ?? indexOf.set(id, indexOf.size).get(id)!);
      const depth = indexes.length > 1 ? ` data-depth="${Math.min(indexes.length, 3)}"` : "";
      parts.push(`<mark data-a="${indexes.join(" ")}"${depth}${colorAttribute(segment.color)}>${text}</mark>`);
    }
    parts.push("</p>");
  }
  return { html: parts.join(""), annotationIds: Array.from(indexOf.keys()) };
}

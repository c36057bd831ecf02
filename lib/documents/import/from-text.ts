import { parseDate } from "./normalize-text";
import { parsePublished, type PublishedDate } from "@/lib/documents/published-date";
import type { ExtractedSource } from "./types";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const DATE_LINE = /^(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})$/;
// "September 2023": a date known to the month ("Fall 2023" is no date).
const MONTH_LINE = new RegExp(`^(${MONTHS.join("|")}) (\\d{4})$`);
const BYLINE = /^by:?\s+(.+)$/i;
const MAX_HEADING_LENGTH = 150;

// Plain text keeps every character; metadata is read from its opening lines
// when they look like a title page: a short heading line, "By …", a date line.
export function extractPlainText(text: string): ExtractedSource {
  return { text, sourceFormat: "text", ...readTitlePage(text.split("\n")) };
}

// The metadata a title page states in its first lines (plain text, a PDF's first page).
export function readTitlePage(lines: string[]): { title?: string; authors?: string[]; published?: PublishedDate } {
  let title: string | undefined;
  let authors: string[] | undefined;
  let published: PublishedDate | undefined;
  const opening = lines
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 6);
  for (const line of opening) {
    if (line.length > MAX_HEADING_LENGTH) break;
    const byline = line.match(BYLINE);
    const month = line.match(MONTH_LINE);
    if (month)
      published ??=
        parsePublished(`${month[2]}-${String(MONTHS.indexOf(month[1]!) + 1).padStart(2, "0")}`) ?? undefined;
    else if (DATE_LINE.test(line)) {
      const at = parseDate(`${line} UTC`) ?? parseDate(line);
      published ??= at && { at, precision: "day" };
    } else if (byline) authors ??= byline[1]!.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
    else if (!title && !/[.!?,;:]$/.test(line)) title = line;
  }
  return { title, authors, published };
}

import { parseDate } from "./normalize-text";
import type { ExtractedDocument } from "./types";

const DATE_LINE = /^(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})$/;
const BYLINE = /^by:?\s+(.+)$/i;
const MAX_HEADING_LENGTH = 150;

// Plain text keeps every character; metadata is read from its opening lines
// when they look like a title page: a short heading line, "By …", a date line.
export function extractPlainText(text: string): ExtractedDocument {
  let title: string | undefined;
  let authors: string[] | undefined;
  let publishedAt: Date | undefined;
  const opening = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 6);
  for (const line of opening) {
    if (line.length > MAX_HEADING_LENGTH) break;
    const byline = line.match(BYLINE);
    if (DATE_LINE.test(line)) publishedAt ??= parseDate(`${line} UTC`) ?? parseDate(line);
    else if (byline) authors ??= byline[1]!.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
    else if (!title && !/[.!?,;:]$/.test(line)) title = line;
  }
  return {
    text,
    sourceFormat: "text",
    title,
    authors,
    published: publishedAt && { at: publishedAt, precision: "day" },
  };
}

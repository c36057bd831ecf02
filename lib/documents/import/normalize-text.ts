import { parsePublished, type PublishedDate } from "../published-date";

// Compatibility characters that stand for ordinary ones: Kangxi and CJK
// supplement radicals (PDF text layers often map 面 to ⾯ U+2FAF), CJK
// compatibility ideographs and Latin ligatures (ﬁ). They become their NFKC
// form at import, before any offset refers to the text.
const COMPATIBILITY = /[\u2E80-\u2FDF\uF900-\uFAFF\uFB00-\uFB06]|[\u{2F800}-\u{2FA1F}]/gu;

// The canonical text keeps every character of the source (curly quotes, dashes,
// CJK) except what cannot be stored or read: a byte-order mark, carriage
// returns, NUL and other control characters, and the compatibility characters
// above. Paragraphs are separated by a blank line; runs of blank lines collapse to one.
export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(COMPATIBILITY, (character) => character.normalize("NFKC"))
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\s+$/g, "");
}

// Whitespace inside one block (a paragraph of HTML, a PDF line) becomes single spaces.
export function collapseWhitespace(block: string): string {
  return block.replace(/\s+/g, " ").trim();
}

export function parseDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) || date.getFullYear() < 1000 ? undefined : date;
}

// A date as sources declare it: "2023" and "2023-09" keep their precision; anything else Date reads is a day.
export function parsePublishedValue(value: string | null | undefined): PublishedDate | undefined {
  if (!value) return undefined;
  const partial = /^\d{4}(-\d{2})?$/.test(value.trim()) ? parsePublished(value) : null;
  if (partial) return partial;
  const at = parseDate(value);
  return at && { at, precision: "day" };
}

// "lin-2023-axis-takes-shape.txt" → "Lin 2023 axis takes shape"
export function titleFromFileName(name: string): string {
  const base = name
    .replace(/\.[^.]+$/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return base ? base[0]!.toUpperCase() + base.slice(1) : "Untitled document";
}

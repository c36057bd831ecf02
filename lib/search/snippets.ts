import { CodePointIndex } from "@/lib/anchoring/code-points";

// Snippets are cut from the original text (curly quotes, dashes and capitals as
// written), escaped, with <mark> around the words the query found. A word of the text
// matches a query lexeme when its search form begins with it: stems ('limit' for
// "limits") and prefixes both work that way; CJK lexemes are bigrams found inside runs.
const SEPARATOR =
  /[\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u02b9-\u02ff\u2000-\u2bff\u2e00-\u2e7f\u3000-\u303f\ufe10-\ufe6f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufff0-\uffff\u{1f000}-\u{1faff}]/u;
const WORD = new RegExp(`[^${SEPARATOR.source.slice(1, -1)}]+`, "gu");
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;

const ASCII = /^[\x00-\x7f]*$/;
// How many characters a snippet shows (titles and quotes show more).
export const SNIPPET_WIDTH = 240;

export type Lexeme = { lexeme: string; isPrefix: boolean };
export type TextMatch = { start: number; end: number };

export function searchForm(word: string): string {
  // Plain ASCII words (most of them) need no normalization, only lower case.
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize("NFKC")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .normalize("NFC");
}

// Where the query's words occur in a text, as UTF-16 ranges in order. A snippet shows
// `window` characters at most from its first match: the scan stops past them.
export function findMatches(text: string, lexemes: Lexeme[], window = SNIPPET_WIDTH, limit = 200): TextMatch[] {
  const matches: TextMatch[] = [];
  const cjk = lexemes.filter((entry) => CJK.test(entry.lexeme));
  const words = lexemes.filter((entry) => !CJK.test(entry.lexeme));
  let stop = Infinity;
  for (const match of text.matchAll(WORD)) {
    if (matches.length >= limit) break;
    const word = match[0];
    const start = match.index;
    if (start > stop) break;
    if (matches.length && stop === Infinity) stop = matches[0]!.start + window;
    if (CJK.test(word)) {
      for (const { lexeme } of cjk) {
        for (let at = word.indexOf(lexeme); at !== -1; at = word.indexOf(lexeme, at + 1)) {
          matches.push({ start: start + at, end: start + at + lexeme.length });
        }
      }
      continue;
    }
    const form = searchForm(word);
    if (words.some(({ lexeme }) => form.startsWith(lexeme))) matches.push({ start, end: start + word.length });
  }
  return mergeMatches(matches);
}

function mergeMatches(matches: TextMatch[]): TextMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const merged: TextMatch[] = [];
  for (const match of sorted) {
    const last = merged.at(-1);
    if (last && match.start <= last.end) last.end = Math.max(last.end, match.end);
    else merged.push({ ...match });
  }
  return merged;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

// A window of about `width` characters around the first match, cut at word boundaries.
export function snippetHtml(text: string, matches: TextMatch[], width = SNIPPET_WIDTH): string {
  const plain = text.replace(/\s+/g, " ");
  if (!matches.length) return escapeHtml(cutAtWord(plain, 0, width));
  const first = matches[0]!;
  let start = Math.max(0, first.start - Math.floor(width / 3));
  if (start > 0) start = nextWordStart(text, start);
  let end = Math.min(text.length, start + width);
  if (end < text.length) end = previousWordEnd(text, end, first.end);
  let html = start > 0 ? "… " : "";
  let at = start;
  for (const match of matches) {
    if (match.end <= start) continue;
    if (match.start >= end) break;
    html +=
      escapeHtml(text.slice(at, Math.max(at, match.start))) +
      `<mark>${escapeHtml(text.slice(Math.max(at, match.start), Math.min(end, match.end)))}</mark>`;
    at = Math.min(end, match.end);
  }
  html += escapeHtml(text.slice(at, end)) + (end < text.length ? " …" : "");
  return html.replace(/\s+/g, " ");
}

function cutAtWord(text: string, start: number, width: number): string {
  if (text.length - start <= width) return text.slice(start);
  return `${text.slice(start, previousWordEnd(text, start + width, start))} …`;
}

function nextWordStart(text: string, index: number): number {
  const space = text.slice(index).search(/\s/);
  return space === -1 || space > 40 ? index : index + space + 1;
}

function previousWordEnd(text: string, index: number, floor: number): number {
  const space = text.lastIndexOf(" ", index);
  const newline = text.lastIndexOf("\n", index);
  const cut = Math.max(space, newline);
  return cut > floor ? cut : index;
}

// The first match as code points, the unit of offsets everywhere else (the reader
// scrolls to it).
export function firstMatchInCodePoints(text: string, matches: TextMatch[]): TextMatch | null {
  const first = matches[0];
  if (!first) return null;
  const index = new CodePointIndex(text);
  return { start: index.toCodePoint(first.start), end: index.toCodePoint(first.end) };
}

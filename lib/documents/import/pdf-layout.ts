import type { SourceBlock } from "../structure/blocks";

// Reading order and structure of PDF pages from their positioned text (pdf.js
// text content): pieces become lines, lines are put in column order, running
// headers, footers and page numbers are dropped, lines are joined into
// paragraphs (line-end hyphenation undone), and headings and footnotes are
// told from type size and weight. Pure: pages in, blocks out.

export type TextPiece = { text: string; x: number; y: number; width: number; size: number; bold: boolean };
export type LayoutPage = { width: number; height: number; pieces: TextPiece[] };

type Line = { text: string; x0: number; x1: number; y: number; size: number; bold: boolean; page: number };

const MARGIN_BAND = 0.1;
const PAGE_NUMBER = /^(page\s+)?[-–—]?\s*([0-9]{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(\s*(of|\/)\s*[0-9]{1,4})?$/i;
const HYPHENS = "-\u2010\u2011\u00AD";
const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u;
const CLOSING = /[.!?:;"”’)\]…]$/;
// Title-page lines that stand alone even when set like body text: a byline, a date.
const STANDALONE = /^(B[yY]:?\s+\p{Lu}[^.!?]{0,80}|(\d{1,2} )?\p{Lu}\p{Ll}+ (\d{1,2}, )?\d{4})$/u;

export function layoutPages(pages: LayoutPage[]): SourceBlock[] {
  const pageLines = pages.map((page, index) => linesOf(page.pieces, index + 1));
  const kept = withoutRunningLines(pageLines, pages);
  const ordered = kept.map((lines, index) => columnOrder(lines, pages[index]!.width));
  const body = bodySize(ordered.flat());
  const leading = leadingRatio(ordered);
  return classify(paragraphs(ordered, body, leading), ordered, body);
}

// Pieces in content order become lines: a piece continues the line when it
// sits on (about) the same baseline just to the right of it. A wide gap (a
// column gutter) starts a new line.
function linesOf(pieces: TextPiece[], page: number): Line[] {
  const lines: Line[] = [];
  let line: (Line & { weights: Map<string, number> }) | null = null;
  for (const piece of pieces) {
    if (!piece.text.trim()) continue;
    const size = piece.size;
    const gap = line ? piece.x - line.x1 : 0;
    const sameLine =
      line &&
      Math.abs(piece.y - line.y) < 0.5 * Math.max(size, line.size) &&
      gap > -0.5 * line.size &&
      gap < 1.5 * Math.max(size, line.size);
    if (!line || !sameLine) {
      if (line) lines.push(finish(line));
      line = { text: "", x0: piece.x, x1: piece.x, y: piece.y, size, bold: piece.bold, page, weights: new Map() };
    }
    const needsSpace =
      line.text && gap > 0.15 * Math.min(size, line.size) && !/\s$/.test(line.text) && !/^\s/.test(piece.text);
    line.text += (needsSpace ? " " : "") + piece.text;
    // The baseline is that of the largest type on the line, not of a superscript before it.
    if (size > line.size) Object.assign(line, { y: piece.y, size });
    line.x1 = Math.max(line.x1, piece.x + piece.width);
    const key = `${size}|${piece.bold}`;
    line.weights.set(key, (line.weights.get(key) ?? 0) + piece.text.length);
  }
  if (line) lines.push(finish(line));
  return lines;
}

// A line's size and weight are those of most of its characters (a superscript does not count).
function finish(line: Line & { weights: Map<string, number> }): Line {
  const [key] = Array.from(line.weights.entries()).sort((a, b) => b[1] - a[1])[0]!;
  const [size, bold] = key.split("|");
  const { weights, ...rest } = line;
  void weights;
  return { ...rest, text: rest.text.replace(/\s+/g, " ").trim(), size: Number(size), bold: bold === "true" };
}

// Running headers and footers: lines in the top or bottom tenth of the page
// that repeat on other pages (page numbers aside), and lone page numbers there.
function withoutRunningLines(pageLines: Line[][], pages: LayoutPage[]): Line[][] {
  const inBand = (line: Line) => {
    const height = pages[line.page - 1]!.height;
    return line.y > height * (1 - MARGIN_BAND) || line.y < height * MARGIN_BAND;
  };
  const key = (line: Line) => line.text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");
  const seen = new Map<string, Set<number>>();
  for (const line of pageLines.flat().filter(inBand)) {
    (seen.get(key(line)) ?? seen.set(key(line), new Set()).get(key(line))!).add(line.page);
  }
  return pageLines.map((lines) =>
    lines.filter((line) => !inBand(line) || !(PAGE_NUMBER.test(line.text) || (seen.get(key(line))?.size ?? 0) >= 2)),
  );
}

// Top to bottom; where a stretch of the page is set in two columns (lines on
// both sides of the middle, none across it), the left column comes first.
function columnOrder(lines: Line[], width: number): Line[] {
  const middle = width / 2;
  const slack = width * 0.02;
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const ordered: Line[] = [];
  let stretch: Line[] = [];
  const flush = () => {
    const left = stretch.filter((line) => line.x1 <= middle + slack);
    const right = stretch.filter((line) => line.x0 >= middle - slack);
    if (left.length >= 2 && right.length >= 2) ordered.push(...left, ...right);
    else ordered.push(...stretch);
    stretch = [];
  };
  for (const line of sorted) {
    if (line.x0 < middle - slack && line.x1 > middle + slack) {
      flush();
      ordered.push(line);
    } else stretch.push(line);
  }
  flush();
  return ordered;
}

const round = (size: number) => Math.round(size * 2) / 2;

// The body text size: the size most characters are set in.
function bodySize(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(round(line.size), (counts.get(round(line.size)) ?? 0) + line.text.length);
  return Array.from(counts.entries()).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

// The usual distance between baselines, relative to the type size.
function leadingRatio(pages: Line[][]): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let index = 1; index < lines.length; index += 1) {
      const [previous, line] = [lines[index - 1]!, lines[index]!];
      const ratio = (previous.y - line.y) / line.size;
      if (round(previous.size) === round(line.size) && ratio > 0.8 && ratio < 2.5) ratios.push(ratio);
    }
  }
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)] ?? 1.2;
}

type Paragraph = { lines: Line[] };

// Lines become paragraphs: a larger gap than the leading, a first-line
// indent, a change of size or weight, or a jump (new column, new page) ends
// one, unless the text plainly runs on (no closing punctuation, a lower-case start).
function paragraphs(pages: Line[][], body: number, leading: number): Paragraph[] {
  const result: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (const lines of pages) {
    for (const line of lines) {
      const previous = current?.lines.at(-1);
      if (current && previous && continues(previous, line, leading, body)) current.lines.push(line);
      else {
        current = { lines: [line] };
        result.push(current);
      }
    }
  }
  return result;
}

function continues(previous: Line, line: Line, leading: number, body: number): boolean {
  const sameStyle = round(previous.size) === round(line.size) && previous.bold === line.bold;
  if (!sameStyle) return false;
  if (line.page === 1 && (STANDALONE.test(previous.text) || STANDALONE.test(line.text))) return false;
  const runsOn = !CLOSING.test(previous.text) && /^[\p{Ll}]/u.test(line.text);
  const drop = previous.y - line.y;
  if (line.page !== previous.page || drop <= 0 || drop > 3 * leading * line.size) {
    return runsOn && round(line.size) === body;
  }
  if (drop > leading * line.size * 1.15 + 0.5) return false;
  if (line.x0 > previous.x0 + 0.8 * line.size && !runsOn) return false;
  return true;
}

// Headings are larger than the body text (levels by size), or short bold
// lines at body size; small text below the body text of its page is a footnote.
function classify(paragraphs: Paragraph[], pages: Line[][], body: number): SourceBlock[] {
  // The lowest body-size line of each page (none: nothing on that page counts as a footnote).
  const lowestBody = pages.map((lines) => {
    const ys = lines.filter((line) => round(line.size) >= body).map((line) => line.y);
    return ys.length ? Math.min(...ys) : -Infinity;
  });
  const headingSizes = Array.from(
    new Set(paragraphs.map((p) => round(p.lines[0]!.size)).filter((size) => size >= body * 1.15)),
  ).sort((a, b) => b - a);
  const hyphenated = hyphenatedWords(pages);
  const blocks: SourceBlock[] = [];
  for (const paragraph of paragraphs) {
    const first = paragraph.lines[0]!;
    const text = joinLines(paragraph.lines, hyphenated);
    if (!text) continue;
    const size = round(first.size);
    const page = first.page;
    if (size >= body * 1.15 && text.length <= 200) {
      blocks.push({ type: "heading", level: Math.min(headingSizes.indexOf(size) + 1, 6), text, page });
    } else if (
      first.bold &&
      size >= body &&
      paragraph.lines.length <= 2 &&
      text.length <= 120 &&
      !/[.,;]$/.test(text)
    ) {
      blocks.push({ type: "heading", level: Math.min(headingSizes.length + 1, 6), text, page });
    } else if (size <= body * 0.85 && first.y < lowestBody[page - 1]!) {
      blocks.push({ type: "footnote", text, page });
    } else if (/^[•◦▪‣●○■–]\s/.test(text)) {
      blocks.push({ type: "list-item", text, page });
    } else blocks.push({ type: "paragraph", text, page });
  }
  return blocks;
}

// Words written with a hyphen inside a line ("long-term"): at a line end, their hyphen is kept.
function hyphenatedWords(pages: Line[][]): Set<string> {
  const words = new Set<string>();
  for (const line of pages.flat()) {
    for (const match of line.text.matchAll(/\p{L}+[-\u2010\u2011]\p{L}+/gu)) {
      words.add(match[0].toLowerCase().replace(/[\u2010\u2011]/g, "-"));
    }
  }
  return words;
}

// Lines joined with a space; a hyphen at a line end joins the word back
// together, except a real one: before a capital ("Sino-Russian") or in a word
// the text also hyphenates mid-line. CJK lines join without a space.
export function joinLines(lines: Array<Pick<Line, "text">>, hyphenated: Set<string>): string {
  let text = "";
  for (const { text: next } of lines) {
    if (!text) {
      text = next;
      continue;
    }
    const last = text.at(-1)!;
    const before = text.at(-2) ?? "";
    if (HYPHENS.includes(last) && /\p{L}/u.test(before) && /^\p{L}/u.test(next)) {
      const head = text.match(/(\p{L}+)[-\u2010\u2011\u00AD]$/u)?.[1] ?? "";
      const tail = next.match(/^\p{L}+/u)?.[0] ?? "";
      const keep = last !== "\u00AD" && (/^\p{Lu}/u.test(next) || hyphenated.has(`${head}-${tail}`.toLowerCase()));
      text = keep ? text + next : text.slice(0, -1) + next;
    } else if (CJK.test(last) && CJK.test(next[0] ?? "")) text += next;
    else text += ` ${next}`;
  }
  return text;
}

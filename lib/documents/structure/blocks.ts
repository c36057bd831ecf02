import { z } from "zod";
import { CodePointIndex } from "@/lib/anchoring/code-points";

// A document's structure, stored beside its canonical text: ranges over that
// text in code points (the unit of the selectors), so structure never moves
// an offset. `page` is the page a block starts on, for paginated sources.
export const BLOCK_TYPES = ["heading", "paragraph", "list-item", "quote", "footnote"] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export const blockSchema = z.object({
  type: z.enum(BLOCK_TYPES),
  level: z.number().int().min(1).max(6).optional(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  page: z.number().int().min(1).optional(),
});
export type Block = z.infer<typeof blockSchema>;

// What an importer knows before the text is final: the text of each block, in order.
export type SourceBlock = { type: BlockType; text: string; level?: number; page?: number };

// Finds each source block in the final (normalized) text, in order, and
// returns its range. A block whose text is no longer found (normalization
// changed it beyond recognition) is left out rather than guessed.
export function locateBlocks(text: string, sourceBlocks: SourceBlock[], normalize: (value: string) => string) {
  const index = new CodePointIndex(text);
  const blocks: Block[] = [];
  let cursor = 0;
  for (const source of sourceBlocks) {
    const needle = normalize(source.text);
    if (!needle) continue;
    const at = text.indexOf(needle, cursor);
    if (at === -1) continue;
    cursor = at + needle.length;
    blocks.push({
      type: source.type,
      ...(source.type === "heading" ? { level: Math.min(Math.max(source.level ?? 2, 1), 6) } : {}),
      start: index.toCodePoint(at),
      end: index.toCodePoint(cursor),
      ...(source.page ? { page: source.page } : {}),
    });
  }
  return blocks;
}

const SENTENCE_END = /[.!?:;,)\]"”’…]$/;
const DATE_LINE = /^((\d{1,2} )?\p{Lu}\p{Ll}+ (\d{1,2}, )?\d{4}|\d{4}(-\d{2}){0,2})$/u;
const MAX_HEADING = 80;

// Lines a web page or a magazine sets apart that are not headings: picture credits and the
// furniture around comments and sharing.
const CREDIT = /\b(illustration|photo(graph)?|image|picture|credit|getty|reuters|afp)\b/i;
const FURNITURE =
  /^(leave a (reply|comment)|comments?|share( this( article)?)?|related( articles| posts| reading)?|read more|subscribe|advertisement)$/i;

const isFurniture = (body: string) => CREDIT.test(body) || FURNITURE.test(body);

const headingLike = (body: string) =>
  !body.includes("\n") &&
  !isFurniture(body) &&
  body.length <= MAX_HEADING &&
  !SENTENCE_END.test(body) &&
  /^[^\p{Ll}]/u.test(body) &&
  /\p{L}/u.test(body) &&
  !/^by:?\s/i.test(body) &&
  !DATE_LINE.test(body);

// Plain text, read conservatively: blank lines separate blocks (lines do when
// there is no blank line at all); a short line without closing punctuation,
// followed by body text, is a heading (the first line, the title, level 1);
// lines starting with a bullet are list items, ">" quotes; the rest paragraphs.
export function plainTextBlocks(text: string): Block[] {
  const index = new CodePointIndex(text);
  const raw: Array<{ at: number; body: string }> = [];
  let from = 0;
  const collect = (start: number, end: number) => {
    const slice = text.slice(start, end);
    const body = slice.trim();
    if (body) raw.push({ at: start + slice.length - slice.trimStart().length, body });
  };
  // Text without blank lines (one paragraph per line) is read line by line.
  const byLine = !/\n[ \t]*\n/.test(text);
  const separator = byLine ? /\n/g : /\n[ \t]*\n/g;
  for (const match of text.matchAll(separator)) {
    collect(from, match.index!);
    from = match.index! + match[0].length;
  }
  collect(from, text.length);
  let headings = 0;
  return raw.map(({ at, body }, position): Block => {
    const range = { start: index.toCodePoint(at), end: index.toCodePoint(at + body.length) };
    const next = raw[position + 1]?.body;
    if (/^([-*•–]|\d{1,3}[.)])\s+\S/.test(body) && !body.includes("\n")) return { type: "list-item", ...range };
    if (/^>/.test(body)) return { type: "quote", ...range };
    // Line by line, a heading also follows a finished sentence (not the middle of a hard-wrapped paragraph).
    const previous = raw[position - 1]?.body;
    const afterSentence = !byLine || !previous || /[.!?:"”’)]$/.test(previous);
    const bodyFollows = next && !headingLike(next) && !isFurniture(next) && !/^([-*•–]|>|\p{Ll})/u.test(next);
    if (headingLike(body) && afterSentence && bodyFollows) {
      headings += 1;
      return { type: "heading", level: headings === 1 && position === 0 ? 1 : 2, ...range };
    }
    return { type: "paragraph", ...range };
  });
}

// Documents stored before structure existed: one paragraph per blank-line block.
export function paragraphBlocks(text: string): Block[] {
  return plainTextBlocks(text).map((block) => ({ type: "paragraph", start: block.start, end: block.end }));
}

export function parseStoredBlocks(value: unknown): Block[] | null {
  const parsed = z.array(blockSchema).safeParse(value);
  return parsed.success ? parsed.data : null;
}

// Maps the text items of a PDF page (pdf.js getTextContent, one span each in the
// text layer) onto the canonical text, which was built from the same items but
// joined, de-hyphenated, normalized and with running headers and footers left
// out. Per page, the items are matched in order against the page's slice of
// the canonical text, ignoring whitespace; a line-end hyphen that the import
// removed is skipped; what is absent (a header, a page number) stays unmapped.
// Pure: used by the Original (PDF) view for highlights and selections.

export type PageBlock = { start: number; end: number; page?: number };

// For each item, the canonical code-point offset of each of its UTF-16 units
// (-1 for whitespace, a removed hyphen, or an item not found); null when the
// item was not found at all.
export type ItemOffsets = Int32Array | null;

const HYPHENS = "-\u2010\u2011\u00AD";
const COMPATIBILITY = /[\u2E80-\u2FDF\uF900-\uFAFF\uFB00-\uFB06]|[\u{2F800}-\u{2FA1F}]/u;
// How far past the last match an item is looked for before the whole page is searched.
const LOOKAHEAD = 400;

// The range of canonical text (code points) that page `page` can show: from the
// block before its first one (a paragraph carried over from the previous page)
// to the end of its last block.
export function pageWindow(blocks: PageBlock[], page: number, length: number): { start: number; end: number } {
  const first = blocks.findIndex((block) => block.page === page);
  if (first === -1) {
    // Nothing starts on this page: it continues the last block started before it.
    const before = blocks.filter((block) => (block.page ?? 0) < page).at(-1);
    return before ? { start: before.start, end: before.end } : { start: 0, end: length };
  }
  let last = first;
  for (let index = first; index < blocks.length; index += 1) if (blocks[index]!.page === page) last = index;
  return { start: blocks[Math.max(0, first - 1)]!.start, end: blocks[last]!.end };
}

type Compact = { chars: string[]; at: number[] };

// The non-whitespace characters of the window, with their code-point offsets.
function compactWindow(codePoints: string[], start: number, end: number): Compact {
  const chars: string[] = [];
  const at: number[] = [];
  for (let index = start; index < end; index += 1) {
    const character = codePoints[index]!;
    if (/\s/u.test(character)) continue;
    chars.push(character);
    at.push(index);
  }
  return { chars, at };
}

// An item's characters as the import normalized them, each with the UTF-16 index it came from.
function compactItem(item: string): { chars: string[]; from: number[] } {
  const chars: string[] = [];
  const from: number[] = [];
  let unit = 0;
  for (const character of item) {
    const normalized = COMPATIBILITY.test(character) ? character.normalize("NFKC") : character;
    for (const part of normalized) {
      if (/\s/u.test(part)) continue;
      chars.push(part);
      from.push(unit);
    }
    unit += character.length;
  }
  return { chars, from };
}

// Matches the item at window position `position`: every item character equals the next
// window character, except hyphens that the import removed. Returns the window index of
// each item character (-1 for a skipped hyphen), or null.
function matchAt(window: Compact, item: string[], position: number): number[] | null {
  const matched: number[] = [];
  let cursor = position;
  for (const character of item) {
    if (cursor < window.chars.length && window.chars[cursor] === character) {
      matched.push(cursor);
      cursor += 1;
    } else if (HYPHENS.includes(character)) {
      matched.push(-1);
    } else return null;
  }
  return matched.some((index) => index >= 0) ? matched : null;
}

function find(window: Compact, item: string[], from: number, to: number): number[] | null {
  for (let position = from; position < Math.min(to, window.chars.length); position += 1) {
    if (window.chars[position] !== item[0] && !HYPHENS.includes(item[0]!)) continue;
    const matched = matchAt(window, item, position);
    if (matched) return matched;
  }
  return null;
}

// Aligns one page's items (their `str`, in content order) to the canonical text.
// `codePoints` is Array.from(canonical text), computed once per document.
export function alignPage(codePoints: string[], blocks: PageBlock[], page: number, items: string[]): ItemOffsets[] {
  const range = pageWindow(blocks, page, codePoints.length);
  const window = compactWindow(codePoints, range.start, range.end);
  let cursor = 0;
  return items.map((item) => {
    const { chars, from } = compactItem(item);
    if (!chars.length) return null;
    // Near where the last item ended first; a longer item anywhere on the page (another column).
    const matched =
      find(window, chars, cursor, cursor + LOOKAHEAD) ?? (chars.length >= 3 ? find(window, chars, 0, cursor) : null);
    if (!matched) return null;
    const offsets = new Int32Array(item.length).fill(-1);
    matched.forEach((windowIndex, position) => {
      if (windowIndex < 0) return;
      const unit = from[position]!;
      offsets[unit] = window.at[windowIndex]!;
      // The second half of a surrogate pair belongs to the same code point.
      if (item.codePointAt(unit)! > 0xffff) offsets[unit + 1] = window.at[windowIndex]!;
    });
    cursor = Math.max(...matched) + 1;
    return offsets;
  });
}

// The UTF-16 range of an item that lies within canonical [start, end), or null.
export function itemRangeWithin(offsets: ItemOffsets, start: number, end: number): [number, number] | null {
  if (!offsets) return null;
  let first = -1;
  let last = -1;
  for (let unit = 0; unit < offsets.length; unit += 1) {
    const offset = offsets[unit]!;
    if (offset >= start && offset < end) {
      if (first === -1) first = unit;
      last = unit;
    }
  }
  return first === -1 ? null : [first, last + 1];
}

// The canonical offset where a selection starting at UTF-16 `unit` of an item begins
// (the first mapped character at or after it), or null when none follows in this item.
export function startOffsetAt(offsets: ItemOffsets, unit: number): number | null {
  if (!offsets) return null;
  for (let index = Math.max(0, unit); index < offsets.length; index += 1)
    if (offsets[index]! >= 0) return offsets[index]!;
  return null;
}

// The canonical offset where a selection ending at UTF-16 `unit` of an item ends
// (just after the last mapped character before it), or null when none precedes it.
export function endOffsetAt(offsets: ItemOffsets, unit: number): number | null {
  if (!offsets) return null;
  for (let index = Math.min(unit, offsets.length) - 1; index >= 0; index -= 1)
    if (offsets[index]! >= 0) return offsets[index]! + 1;
  return null;
}

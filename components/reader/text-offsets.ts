// Maps between DOM positions in the rendered reader text and code-point
// offsets into the canonical text. Each paragraph carries its offset (data-o);
// a position inside it is that offset plus the code points of the text before it.

import { isOriginalView, originalRangeToOffsets } from "./original/original-offsets";

const codePoints = (text: string) => Array.from(text).length;

function paragraphsOf(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>("[data-o]"));
}

const paragraphEnd = (paragraph: HTMLElement) => Number(paragraph.dataset.o) + codePoints(paragraph.textContent ?? "");

function offsetOf(root: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>("[data-o]");
  if (paragraph && root.contains(paragraph)) {
    const before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEnd(node, offset);
    return Number(paragraph.dataset.o) + codePoints(before.toString());
  }
  // Between paragraphs: the start of the next one, else the end of the last.
  const point = document.createRange();
  point.setStart(node, offset);
  const paragraphs = paragraphsOf(root);
  const next = paragraphs.find((candidate) => point.comparePoint(candidate, 0) <= 0);
  if (next) return Number(next.dataset.o);
  const last = paragraphs.at(-1);
  return last ? paragraphEnd(last) : null;
}

// The selection as code-point offsets, or null when it is empty or outside the text
// (in the Original view, through the text layers' alignment).
export function rangeToOffsets(root: HTMLElement, range: Range): { start: number; end: number } | null {
  if (isOriginalView(root)) return originalRangeToOffsets(root, range);
  if (range.collapsed || !root.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function pointAt(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  const paragraph = paragraphsOf(root)
    .filter((candidate) => Number(candidate.dataset.o) <= offset)
    .at(-1);
  if (!paragraph) return null;
  let remaining = offset - Number(paragraph.dataset.o);
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    const points = Array.from(text.data);
    if (remaining <= points.length) return { node: text, offset: points.slice(0, remaining).join("").length };
    remaining -= points.length;
    last = text;
  }
  return last ? { node: last, offset: last.data.length } : null;
}

export function offsetsToRange(root: HTMLElement, start: number, end: number): Range | null {
  const from = pointAt(root, start);
  const to = pointAt(root, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

// The offset of the first character in view: the reading position, below `top` (the
// sticky header's bottom edge), in viewport coordinates.
export function readingOffset(root: HTMLElement, top: number): number {
  for (const paragraph of paragraphsOf(root)) {
    const rect = paragraph.getBoundingClientRect();
    if (rect.bottom <= top) continue;
    if (rect.top >= top) return Number(paragraph.dataset.o);
    // The paragraph straddles the edge: the start of its first line wholly below it (a
    // line height down, so a sentence starting on the half-hidden line is skipped).
    const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight) || 28;
    const caret = document.caretRangeFromPoint?.(rect.left + 1, top + lineHeight + 2);
    const offset =
      caret && paragraph.contains(caret.startContainer)
        ? offsetOf(root, caret.startContainer, caret.startOffset)
        : null;
    return offset ?? paragraphEnd(paragraph);
  }
  return 0;
}

// The next (or previous) sentence after (or before) an offset, for keyboard selection.
export function sentenceNear(
  root: HTMLElement,
  offset: number,
  direction: 1 | -1,
): { start: number; end: number } | null {
  const sentences: Array<{ start: number; end: number }> = [];
  for (const paragraph of paragraphsOf(root)) {
    const text = paragraph.textContent ?? "";
    const base = Number(paragraph.dataset.o);
    for (const match of text.matchAll(/[^.!?]+(?:[.!?]+["”’)]*|$)/g)) {
      const leading = match[0].length - match[0].trimStart().length;
      const body = match[0].trim();
      if (!body) continue;
      const start = base + codePoints(text.slice(0, match.index! + leading));
      sentences.push({ start, end: start + codePoints(body) });
    }
  }
  if (direction === 1) return sentences.find((sentence) => sentence.start >= offset) ?? null;
  return sentences.filter((sentence) => sentence.end <= offset).at(-1) ?? null;
}

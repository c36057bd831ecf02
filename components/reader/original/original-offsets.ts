// Maps DOM positions in the Original view's text layers (one span per pdf.js text
// item) to canonical code-point offsets, through each span's alignment.
import { endOffsetAt, itemRangeWithin, startOffsetAt, type ItemOffsets } from "@/lib/reader/pdf-alignment";

const alignments = new WeakMap<Element, ItemOffsets>();

export const SPAN_SELECTOR = ".textLayer span[data-item]";

export function setSpanOffsets(span: HTMLElement, offsets: ItemOffsets) {
  alignments.set(span, offsets);
}

export const isOriginalView = (root: HTMLElement) => root.dataset.view === "original";

const spansOf = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLElement>(SPAN_SELECTOR));

// The index of the span a point falls in, or where it would fall between spans.
function locate(spans: HTMLElement[], node: Node, offset: number) {
  const element = node instanceof Element ? node : node.parentElement;
  const span = element?.closest<HTMLElement>("span[data-item]");
  if (span && alignments.has(span)) {
    return { index: spans.indexOf(span), unit: node.nodeType === Node.TEXT_NODE ? offset : offset ? Infinity : 0 };
  }
  const point = document.createRange();
  point.setStart(node, offset);
  const next = spans.findIndex((candidate) => point.comparePoint(candidate, 0) <= 0);
  return { index: next === -1 ? spans.length : next, unit: 0, between: true };
}

function startAt(spans: HTMLElement[], node: Node, offset: number): number | null {
  const { index, unit } = locate(spans, node, offset);
  for (let at = index; at < spans.length; at += 1) {
    const found = startOffsetAt(alignments.get(spans[at]!) ?? null, at === index ? unit : 0);
    if (found !== null) return found;
  }
  return null;
}

function endAt(spans: HTMLElement[], node: Node, offset: number): number | null {
  const located = locate(spans, node, offset);
  const from = "between" in located ? located.index - 1 : located.index;
  for (let at = from; at >= 0; at -= 1) {
    const offsets = alignments.get(spans[at]!) ?? null;
    const found = endOffsetAt(offsets, at === located.index ? located.unit : (offsets?.length ?? 0));
    if (found !== null) return found;
  }
  return null;
}

// A selection in the text layers as canonical offsets, or null.
export function originalRangeToOffsets(root: HTMLElement, range: Range): { start: number; end: number } | null {
  if (range.collapsed || !root.contains(range.commonAncestorContainer)) return null;
  const spans = spansOf(root);
  const start = startAt(spans, range.startContainer, range.startOffset);
  const end = endAt(spans, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

// The parts of a page's spans that show canonical [start, end), as DOM ranges.
export function rangesWithin(spans: HTMLElement[], start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (const span of spans) {
    const within = itemRangeWithin(alignments.get(span) ?? null, start, end);
    const text = span.firstChild;
    if (!within || !text) continue;
    const range = document.createRange();
    range.setStart(text, Math.min(within[0], text.textContent!.length));
    range.setEnd(text, Math.min(within[1], text.textContent!.length));
    ranges.push(range);
  }
  return ranges;
}

// The canonical text behind a view whose DOM does not hold it (the Original view's layers
// have no spaces between lines): the composer quotes it rather than the DOM's text.
const canonicalTexts = new WeakMap<Element, string[]>();

export function setCanonicalText(root: Element, codePoints: string[]) {
  canonicalTexts.set(root, codePoints);
}

export function canonicalSlice(root: Element, start: number, end: number): string | null {
  return canonicalTexts.get(root)?.slice(start, end).join("") ?? null;
}

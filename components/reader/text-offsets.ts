// Maps between DOM positions in the rendered reader text and code-point
// offsets into the canonical text. Every run of text is rendered inside an
// element carrying data-o (its code-point offset), so a position is that
// offset plus the code points before it within the run.

const codePoints = (text: string) => Array.from(text).length;

function runOf(node: Node | null, root: HTMLElement): HTMLElement | null {
  let current: Node | null = node;
  while (current && current !== root) {
    if (current instanceof HTMLElement && current.dataset.o !== undefined && current.tagName !== "P") return current;
    current = current.parentNode;
  }
  return null;
}

function offsetOf(root: HTMLElement, node: Node, offset: number, runs: HTMLElement[]): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = runOf(node, root);
    if (!run) return null;
    return Number(run.dataset.o) + codePoints((node as Text).data.slice(0, offset));
  }
  // An element boundary: the offset of the next run at or after it, else the end of the previous one.
  const probe = document.createRange();
  probe.setStart(node, offset);
  for (const run of runs) {
    if (probe.comparePoint(run, 0) <= 0) return Number(run.dataset.o);
  }
  const last = runs.at(-1);
  return last ? Number(last.dataset.o) + codePoints(last.textContent ?? "") : null;
}

export function allRuns(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>("span[data-o], mark[data-o]"));
}

// The selection as code-point offsets, or null when it is empty or outside the text.
export function rangeToOffsets(root: HTMLElement, range: Range): { start: number; end: number } | null {
  if (range.collapsed || !root.contains(range.commonAncestorContainer)) return null;
  const runs = allRuns(root);
  const start = offsetOf(root, range.startContainer, range.startOffset, runs);
  const end = offsetOf(root, range.endContainer, range.endOffset, runs);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function pointAt(runs: HTMLElement[], offset: number): { node: Node; offset: number } | null {
  let low = 0;
  let high = runs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (Number(runs[middle]!.dataset.o) <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const run = runs[found];
  const text = run?.firstChild;
  if (!run || !text || text.nodeType !== Node.TEXT_NODE) return null;
  const within = Array.from((text as Text).data).slice(0, offset - Number(run.dataset.o)).join("").length;
  return { node: text, offset: Math.min(within, (text as Text).data.length) };
}

export function offsetsToRange(root: HTMLElement, start: number, end: number): Range | null {
  const runs = allRuns(root);
  const from = pointAt(runs, start);
  const to = pointAt(runs, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

// The next (or previous) sentence after (or before) an offset, for keyboard selection.
export function sentenceNear(root: HTMLElement, offset: number, direction: 1 | -1): { start: number; end: number } | null {
  const sentences: Array<{ start: number; end: number }> = [];
  for (const paragraph of Array.from(root.querySelectorAll<HTMLElement>("p[data-o]"))) {
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

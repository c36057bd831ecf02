import { CodePointIndex } from "@/lib/anchoring/code-points";

// Splits a document's canonical text into paragraphs, and each paragraph into
// runs covered by the same set of annotations, so highlights (overlapping
// ones included) are rendered by the server as plain <mark> elements. Offsets
// are code points, like the selectors.

export type HighlightInput = { id: string; start: number; end: number; color: string | null };
export type Segment = { start: number; text: string; ids: string[]; color: string | null };
export type Paragraph = { start: number; segments: Segment[] };

export function segmentText(text: string, highlights: HighlightInput[]): Paragraph[] {
  const index = new CodePointIndex(text);
  // Boundaries (UTF-16) where the set of covering annotations changes.
  const opening = new Map<number, HighlightInput[]>();
  const closing = new Map<number, string[]>();
  for (const highlight of highlights) {
    const from = index.toUtf16(highlight.start);
    const to = index.toUtf16(highlight.end);
    if (to <= from) continue;
    (opening.get(from) ?? opening.set(from, []).get(from)!).push(highlight);
    (closing.get(to) ?? closing.set(to, []).get(to)!).push(highlight.id);
  }
  const boundaries = new Set<number>([...opening.keys(), ...closing.keys()]);
  const paragraphs: Paragraph[] = [];
  const active = new Map<string, HighlightInput>();
  let paragraph: Paragraph | null = null;
  let runStart = 0;

  const flush = (end: number) => {
    if (end > runStart && paragraph) {
      const ids = Array.from(active.keys());
      // The most recently opened highlight gives the run its color.
      const top = Array.from(active.values()).at(-1);
      paragraph.segments.push({ start: index.toCodePoint(runStart), text: text.slice(runStart, end), ids, color: top?.color ?? null });
    }
    runStart = end;
  };

  for (let position = 0; position <= text.length; position += 1) {
    const isBreak = position === text.length || text[position] === "\n";
    if (boundaries.has(position)) {
      flush(position);
      for (const id of closing.get(position) ?? []) active.delete(id);
      for (const highlight of opening.get(position) ?? []) active.set(highlight.id, highlight);
    }
    if (isBreak) {
      flush(position);
      if (paragraph?.segments.length) paragraphs.push(paragraph);
      paragraph = null;
      runStart = position + 1;
      continue;
    }
    if (!paragraph) {
      paragraph = { start: index.toCodePoint(position), segments: [] };
      runStart = position;
    }
  }
  return paragraphs;
}

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
  // Positions (UTF-16) where something happens: a highlight opens or closes, or a line ends.
  const opening = new Map<number, HighlightInput[]>();
  const closing = new Map<number, string[]>();
  for (const highlight of highlights) {
    const from = index.toUtf16(highlight.start);
    const to = index.toUtf16(highlight.end);
    if (to <= from) continue;
    (opening.get(from) ?? opening.set(from, []).get(from)!).push(highlight);
    (closing.get(to) ?? closing.set(to, []).get(to)!).push(highlight.id);
  }
  const events = new Set<number>([...opening.keys(), ...closing.keys(), text.length]);
  for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n", newline + 1)) events.add(newline);
  const positions = Array.from(events).sort((a, b) => a - b);

  const paragraphs: Paragraph[] = [];
  const active = new Map<string, HighlightInput>();
  let paragraph: Paragraph | null = null;
  let runStart = 0;
  const flush = (end: number) => {
    if (end <= runStart) return;
    if (!paragraph) paragraph = { start: index.toCodePoint(runStart), segments: [] };
    // The most recently opened highlight gives the run its color.
    const top = Array.from(active.values()).at(-1);
    paragraph.segments.push({
      start: index.toCodePoint(runStart),
      text: text.slice(runStart, end),
      ids: Array.from(active.keys()),
      color: top?.color ?? null,
    });
    runStart = end;
  };
  for (const position of positions) {
    flush(position);
    for (const id of closing.get(position) ?? []) active.delete(id);
    for (const highlight of opening.get(position) ?? []) active.set(highlight.id, highlight);
    if (position === text.length || text[position] === "\n") {
      if (paragraph) paragraphs.push(paragraph);
      paragraph = null;
      runStart = position + 1;
    }
  }
  return paragraphs;
}

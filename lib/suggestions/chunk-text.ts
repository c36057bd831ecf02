import { CodePointIndex } from "@/lib/anchoring/code-points";

export type Chunk = { start: number; end: number };

// Sentences end at . ! ? (then closing quotes or brackets) before white space, or at a line break.
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s)|\n+/g;
const SHORT = 80;
const MAX_SENTENCES = 3;

// A document's text cut into passages of one to three sentences: a sentence shorter than
// SHORT characters (a heading, "Not so.") is joined to the next one in the same paragraph.
// Offsets are code points into `text`, trimmed of white space, in order, never overlapping.
export function chunkText(text: string): Chunk[] {
  const sentences = splitSentences(text);
  const index = new CodePointIndex(text);
  const chunks: Chunk[] = [];
  let current: { start: number; end: number; count: number } | null = null;
  for (const sentence of sentences) {
    if (current && (current.count >= MAX_SENTENCES || /\n/.test(text.slice(current.end, sentence.start)))) {
      chunks.push(current);
      current = null;
    }
    current = current
      ? { start: current.start, end: sentence.end, count: current.count + 1 }
      : { ...sentence, count: 1 };
    if (current.end - current.start >= SHORT) {
      chunks.push(current);
      current = null;
    }
  }
  if (current) chunks.push(current);
  return chunks.map(({ start, end }) => ({ start: index.toCodePoint(start), end: index.toCodePoint(end) }));
}

// UTF-16 ranges of the sentences, trimmed, empty ones dropped.
function splitSentences(text: string): Array<{ start: number; end: number }> {
  const sentences: Array<{ start: number; end: number }> = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start += 1;
    while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
    if (end > start) sentences.push({ start, end });
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    // "the U.S. dollar", "e.g. this": a full stop before a lower-case word ends no sentence.
    if (
      !match[0].startsWith("\n") &&
      /^\s+\p{Ll}/u.test(text.slice(match.index + match[0].length, match.index + match[0].length + 8))
    )
      continue;
    const end = match.index + (match[0].startsWith("\n") ? 0 : match[0].length);
    push(from, end);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return sentences;
}

import DiffMatchPatch from "diff-match-patch";

// Maps offsets of an old text onto a new revision through a character diff
// (Myers' algorithm with semantic cleanup, from diff-match-patch). Offsets are
// UTF-16 indices. Knowing both revisions is what lets re-anchoring follow a
// passage exactly instead of guessing from its quote alone.
type Kept = { oldStart: number; newStart: number; length: number };

export class TextDiff {
  private readonly kept: Kept[] = [];

  constructor(oldText: string, newText: string) {
    const dmp = new DiffMatchPatch();
    dmp.Diff_Timeout = 2;
    const tokens = tokenize(oldText, newText);
    const diffs = tokens
      ? decode(dmp.diff_main(tokens.old.encoded, tokens.new.encoded, false), tokens, oldText, newText)
      : dmp.diff_main(oldText, newText);
    // Semantic cleanup, measured in characters, drops equalities shorter than the edits on
    // both sides: where a sentence was cut or rewritten, a space, "the" or "of" that
    // matches one in new text further on is no survivor. Counted as one, it stretched a
    // passage that lost most of itself over that new text, into the next paragraph.
    dmp.diff_cleanupSemantic(diffs);
    let oldIndex = 0;
    let newIndex = 0;
    for (const [operation, chunk] of diffs) {
      if (operation === DiffMatchPatch.DIFF_EQUAL) {
        this.kept.push({ oldStart: oldIndex, newStart: newIndex, length: chunk.length });
        oldIndex += chunk.length;
        newIndex += chunk.length;
      } else if (operation === DiffMatchPatch.DIFF_DELETE) oldIndex += chunk.length;
      else newIndex += chunk.length;
    }
  }

  // The kept run containing the old offset, or the last run before it.
  private runAt(oldOffset: number): number {
    let low = 0;
    let high = this.kept.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.kept[middle]!.oldStart <= oldOffset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  // Where old[start, end) lies in the new text, and how much of it survived.
  mapRange(start: number, end: number): { start: number; end: number; kept: number; isIntact: boolean } {
    const first = this.runAt(start);
    const run = first >= 0 ? this.kept[first] : undefined;
    if (run && end <= run.oldStart + run.length) {
      const shift = run.newStart - run.oldStart;
      return { start: start + shift, end: end + shift, kept: end - start, isIntact: true };
    }
    let kept = 0;
    let newStart = -1;
    let newEnd = -1;
    for (let index = Math.max(first, 0); index < this.kept.length; index += 1) {
      const candidate = this.kept[index]!;
      if (candidate.oldStart >= end) break;
      const from = Math.max(start, candidate.oldStart);
      const to = Math.min(end, candidate.oldStart + candidate.length);
      if (to <= from) continue;
      kept += to - from;
      const shift = candidate.newStart - candidate.oldStart;
      if (newStart < 0) newStart = from + shift;
      newEnd = to + shift;
    }
    if (newStart < 0) newStart = newEnd = this.mapPoint(start);
    return { start: newStart, end: newEnd, kept, isIntact: false };
  }

  // The new offset of an old offset, or of the nearest kept text before it.
  mapPoint(oldOffset: number): number {
    const index = this.runAt(oldOffset);
    if (index < 0) return 0;
    const run = this.kept[index]!;
    return run.newStart + Math.min(oldOffset - run.oldStart, run.length);
  }
}

type Tokens = { encoded: string; span: (from: number, count: number) => number };

// A diff of tokens as the same diff of the texts' characters.
function decode(
  diffs: DiffMatchPatch.Diff[],
  tokens: { old: Tokens; new: Tokens },
  oldText: string,
  newText: string,
): DiffMatchPatch.Diff[] {
  let oldIndex = 0;
  let newIndex = 0;
  let oldToken = 0;
  let newToken = 0;
  return diffs.map(([operation, chunk]) => {
    if (operation === DiffMatchPatch.DIFF_INSERT) {
      const length = tokens.new.span(newToken, chunk.length);
      newToken += chunk.length;
      newIndex += length;
      return [operation, newText.slice(newIndex - length, newIndex)];
    }
    const length = tokens.old.span(oldToken, chunk.length);
    oldToken += chunk.length;
    oldIndex += length;
    if (operation === DiffMatchPatch.DIFF_EQUAL) {
      newToken += chunk.length;
      newIndex += length;
    }
    return [operation, oldText.slice(oldIndex - length, oldIndex)];
  });
}

// Diffing words instead of characters is an order of magnitude faster on long
// texts and never aligns stray letters of unrelated sentences. Each distinct
// token becomes one character; falls back to characters past 65k distinct tokens.
function tokenize(oldText: string, newText: string): { old: Tokens; new: Tokens } | null {
  const codes = new Map<string, number>();
  const encode = (text: string): Tokens | null => {
    const ends: number[] = [0];
    let encoded = "";
    for (const match of text.matchAll(/\s+|[^\s]+/g)) {
      let code = codes.get(match[0]);
      if (code === undefined) {
        code = codes.size + 1;
        if (code >= 0xd800) return null;
        codes.set(match[0], code);
      }
      encoded += String.fromCharCode(code);
      ends.push(match.index! + match[0].length);
    }
    return { encoded, span: (from, count) => ends[from + count]! - ends[from]! };
  };
  const old = encode(oldText);
  const updated = old && encode(newText);
  return old && updated ? { old, new: updated } : null;
}

import search from "approx-string-match";
import DiffMatchPatch from "diff-match-patch";
import { CodePointIndex } from "./code-points";
import { CONTEXT_LENGTH } from "./selectors";
import { similarity } from "./similarity";
import { TextDiff } from "./text-diff";

// Re-anchoring of annotations when a document gets a new revision. Strategy,
// cheapest and surest first:
//   1. follow the passage through a character diff of the two revisions: if it
//      survived intact it is "anchored" at its new offsets;
//   2. if it was edited in place and enough of it survived, it is "moved" to
//      the span from its first to its last surviving character;
//   3. if it moved or its place vanished, look for the quote elsewhere, exact
//      then fuzzy (Myers' bit-parallel algorithm, approx-string-match), and
//      accept only a candidate whose quote *and* context agree.
// Anything below the thresholds becomes an orphan rather than jumping to a
// look-alike sentence. Offsets in and out are code points.

export type AnchorInput = {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  // False for orphans: their offsets refer to an older revision, not `oldText`.
  hasPosition: boolean;
};

export type AnchorResult =
  | { status: "anchored" | "moved"; start: number; end: number; quote: string; prefix: string; suffix: string }
  | { status: "orphaned" };

// A passage edited in place stays anchored while a third of it survives.
const MIN_KEPT_SHARE = 1 / 3;
// Elsewhere in the text, the quote must be nearly intact ...
const MAX_REMOTE_ERROR_RATE = 0.15;
// ... and its surroundings must still look like the original ones.
const MIN_CONTEXT_SIMILARITY = 0.6;
// Very short quotes ("it", "Russia") are matched exactly or not at all.
const MIN_FUZZY_LENGTH = 12;

export function reanchorAll(oldText: string, newText: string, anchors: AnchorInput[]): AnchorResult[] {
  const oldIndex = new CodePointIndex(oldText);
  const newIndex = new CodePointIndex(newText);
  const diff = new TextDiff(oldText, newText);
  return anchors.map((anchor) => {
    const found = anchor.hasPosition ? followEdit(anchor, oldIndex, newText, diff) : null;
    const located = found ?? findElsewhere(anchor, oldText, newText);
    if (!located) return { status: "orphaned" };
    const start = newIndex.toCodePoint(located.start);
    const end = newIndex.toCodePoint(located.end);
    return {
      status: located.isExact ? "anchored" : "moved",
      start,
      end,
      quote: newText.slice(located.start, located.end),
      prefix: Array.from(newText.slice(Math.max(0, located.start - CONTEXT_LENGTH * 2), located.start))
        .slice(-CONTEXT_LENGTH)
        .join(""),
      suffix: Array.from(newText.slice(located.end, located.end + CONTEXT_LENGTH * 2))
        .slice(0, CONTEXT_LENGTH)
        .join(""),
    };
  });
}

type Located = { start: number; end: number; isExact: boolean };

function followEdit(anchor: AnchorInput, oldIndex: CodePointIndex, newText: string, diff: TextDiff): Located | null {
  const oldStart = oldIndex.toUtf16(anchor.start);
  const oldEnd = oldIndex.toUtf16(anchor.end);
  // Selectors may be stale relative to the stored text; trust the text only if the quote is there.
  if (oldIndex.text.slice(oldStart, oldEnd) !== anchor.quote) return null;
  const mapped = diff.mapRange(oldStart, oldEnd);
  if (mapped.isIntact) return { start: mapped.start, end: mapped.end, isExact: true };
  // Edited in place: keep the span from its first to its last surviving
  // character (edits inside it included), if enough of it is left.
  const length = oldEnd - oldStart;
  if (mapped.kept < MIN_FUZZY_LENGTH || mapped.kept < length * MIN_KEPT_SHARE) return null;
  const oldText = oldIndex.text;
  return trimToWords(newText, mapped, isWordBoundary(oldText, oldStart), isWordBoundary(oldText, oldEnd));
}

// A moved span never reaches beyond what survives of its passage. A passage that began or
// ended between words does so still (a letter or two of a new word that happens to match,
// the "B" of "But" and of "Beijing", did not survive), and whitespace at its ends goes.
function trimToWords(
  text: string,
  span: { start: number; end: number },
  startsAtWord: boolean,
  endsAtWord: boolean,
): Located | null {
  let { start, end } = span;
  if (startsAtWord) while (start < end && !isWordBoundary(text, start)) start += 1;
  if (endsAtWord) while (end > start && !isWordBoundary(text, end)) end -= 1;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return end > start ? { start, end, isExact: false } : null;
}

// Letters of scripts that separate words with spaces (not Chinese, Japanese or Korean).
const WORD = /(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}]/u;
const isWordBoundary = (text: string, at: number) =>
  at <= 0 || at >= text.length || !WORD.test(text[at - 1]!) || !WORD.test(text[at]!);

function findElsewhere(anchor: AnchorInput, oldText: string, newText: string): Located | null {
  const exact = bestExactMatch(anchor, oldText, newText);
  if (exact) return exact;
  if (anchor.quote.length < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.floor(anchor.quote.length * MAX_REMOTE_ERROR_RATE);
  let best: (Located & { score: number }) | null = null;
  for (const match of search(newText, anchor.quote, maxErrors)) {
    const context = contextSimilarity(anchor, newText, match.start, match.end);
    if (context < MIN_CONTEXT_SIMILARITY) continue;
    const score = 1 - match.errors / anchor.quote.length + context;
    if (!best || score > best.score) best = { start: match.start, end: match.end, isExact: false, score };
  }
  return best && alignedPart(anchor, newText, best);
}

// A fuzzy match may pad the quote's lost end with whatever follows it (the next paragraph's
// first letters count as substitutions): only the stretch from the first to the last
// character that matches the quote, after semantic cleanup, is the passage.
function alignedPart(anchor: AnchorInput, text: string, match: { start: number; end: number }): Located | null {
  const dmp = new DiffMatchPatch();
  const diffs = dmp.diff_main(anchor.quote, text.slice(match.start, match.end));
  dmp.diff_cleanupSemantic(diffs);
  let offset = match.start;
  let start = -1;
  let end = -1;
  for (const [operation, chunk] of diffs) {
    if (operation === DiffMatchPatch.DIFF_DELETE) continue;
    if (operation === DiffMatchPatch.DIFF_EQUAL) {
      if (start < 0) start = offset;
      end = offset + chunk.length;
    }
    offset += chunk.length;
  }
  if (start < 0) return null;
  const at = (outside: string, inside: string) => !outside || isWordBoundary(`${outside}${inside}`, outside.length);
  return trimToWords(
    text,
    { start, end },
    at(anchor.prefix.slice(-1), anchor.quote.slice(0, 1)),
    at(anchor.suffix.slice(0, 1), anchor.quote.slice(-1)),
  );
}

// An exact quote elsewhere is the same passage only if its context agrees, or
// if the quote was unique before and is unique now (a passage that moved).
function bestExactMatch(anchor: AnchorInput, oldText: string, newText: string): Located | null {
  const occurrences = indexesOf(newText, anchor.quote);
  if (occurrences.length === 0) return null;
  let best: (Located & { score: number }) | null = null;
  for (const start of occurrences) {
    const end = start + anchor.quote.length;
    const score = contextSimilarity(anchor, newText, start, end);
    if (!best || score > best.score) best = { start, end, isExact: false, score };
  }
  if (best && best.score >= MIN_CONTEXT_SIMILARITY) return best;
  const isUniqueLongQuote =
    anchor.quote.length >= 2 * MIN_FUZZY_LENGTH &&
    occurrences.length === 1 &&
    indexesOf(oldText, anchor.quote).length <= 1;
  return isUniqueLongQuote ? best : null;
}

function contextSimilarity(anchor: AnchorInput, text: string, start: number, end: number): number {
  // An empty context means the quote sat at the very start (or end) of the text.
  const prefix = anchor.prefix
    ? similarity(anchor.prefix, text.slice(Math.max(0, start - anchor.prefix.length), start))
    : Number(start === 0);
  const suffix = anchor.suffix
    ? similarity(anchor.suffix, text.slice(end, end + anchor.suffix.length))
    : Number(end === text.length);
  // For a long quote one intact side is enough (the other may have been
  // edited); a short one is too common to trust without both.
  return anchor.quote.length >= MIN_FUZZY_LENGTH ? Math.max(prefix, suffix) : (prefix + suffix) / 2;
}

function indexesOf(text: string, quote: string, limit = 1000): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let index = text.indexOf(quote); index !== -1 && found.length < limit; index = text.indexOf(quote, index + 1))
    found.push(index);
  return found;
}

import search from "approx-string-match";

// The baseline for the anchoring benchmark: re-anchoring the way the
// Hypothesis client does it (src/annotator/anchoring/match-quote.ts and the
// position-then-quote order of its HTML anchoring), rebuilt on the same
// approx-string-match package. Offsets are UTF-16 indices, as in the client.

type Context = { prefix: string; suffix: string; hint?: number };
type Match = { start: number; end: number; errors: number };

// As match-quote.ts does: every exact occurrence first (indexOf), and the approximate
// search (Myers' bit-parallel algorithm) only when there is none.
export function searchLikeHypothesis(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1))
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  return exact.length > 0 ? exact : search(text, pattern, maxErrors);
}

function textMatchScore(text: string, expected: string): number {
  if (!expected.length || !text.length) return 0;
  const matches = searchLikeHypothesis(text, expected, expected.length);
  if (!matches.length) return 0;
  return 1 - Math.min(...matches.map((match) => match.errors)) / expected.length;
}

export function matchQuote(text: string, quote: string, context: Context): { start: number; end: number } | null {
  if (!quote.length) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = searchLikeHypothesis(text, quote, maxErrors);
  if (!matches.length) return null;
  const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 };
  let best: { start: number; end: number; score: number } | null = null;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = context.prefix
      ? textMatchScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix)
      : 1;
    const suffixScore = context.suffix
      ? textMatchScore(text.slice(match.end, match.end + context.suffix.length), context.suffix)
      : 1;
    const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(match.start - context.hint) / text.length;
    const raw =
      weights.quote * quoteScore +
      weights.prefix * prefixScore +
      weights.suffix * suffixScore +
      weights.position * positionScore;
    const score = raw / (weights.quote + weights.prefix + weights.suffix + weights.position);
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best;
}

// Position selector first (if the quote is still there), then the fuzzy quote.
export function anchorLikeHypothesis(
  text: string,
  anchor: { start: number; end: number; quote: string; prefix: string; suffix: string },
) {
  if (text.slice(anchor.start, anchor.end) === anchor.quote) return { start: anchor.start, end: anchor.end };
  return matchQuote(text, anchor.quote, { prefix: anchor.prefix, suffix: anchor.suffix, hint: anchor.start });
}

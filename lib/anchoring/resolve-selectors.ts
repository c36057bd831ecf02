import { CodePointIndex } from "./code-points";
import { CONTEXT_LENGTH, describeRange, type TextPositionSelector, type TextQuoteSelector } from "./selectors";
import { similarity } from "./similarity";

// The work of finding a quote is bounded, however often it occurs and however
// long the submitted context: occurrences past MAX_OCCURRENCES are not looked
// at, each is first ranked by how many characters of context match exactly
// (cheap), and only the best MAX_COMPARED get the edit-distance comparison,
// over at most COMPARED_CONTEXT characters of context on each side.
export const MAX_OCCURRENCES = 10_000;
const MAX_COMPARED = 50;
const COMPARED_CONTEXT = CONTEXT_LENGTH * 2;

export type ResolvedAnchor = {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  selectors: [TextQuoteSelector, TextPositionSelector];
};

type SelectorInput =
  | { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string }
  | { type: "TextPositionSelector"; start: number; end: number };

// Resolves submitted selectors against the canonical text: the position when
// it holds the quote (or when no quote is given), else the occurrence of the
// quote whose context and position fit best. Null when the quote is absent.
export function resolveSelectors(text: string, selectors: SelectorInput[]): ResolvedAnchor | null {
  const index = new CodePointIndex(text);
  const quote = selectors.find((selector) => selector.type === "TextQuoteSelector");
  const position = selectors.find((selector) => selector.type === "TextPositionSelector");
  if (position && position.end <= index.length) {
    const slice = text.slice(index.toUtf16(position.start), index.toUtf16(position.end));
    if (!quote || slice === quote.exact) return resolved(text, position.start, position.end);
  }
  if (!quote) return null;
  const hint = position ? index.toUtf16(position.start) : undefined;
  const best = bestOccurrence(text, quote, hint);
  if (!best) return null;
  const start = index.toCodePoint(best.at);
  return resolved(text, start, index.toCodePoint(best.at + quote.exact.length));
}

function resolved(text: string, start: number, end: number): ResolvedAnchor {
  const selectors = describeRange(text, start, end);
  const [quote] = selectors;
  return { start, end, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, selectors };
}

type QuoteInput = { exact: string; prefix?: string; suffix?: string };

// How many characters of context agree exactly: the prefix read backwards from the
// occurrence, the suffix forwards from its end. Linear, unlike edit distance.
function matchingContext(text: string, at: number, end: number, prefix: string, suffix: string) {
  let count = 0;
  while (count < prefix.length && text[at - 1 - count] === prefix[prefix.length - 1 - count]) count += 1;
  let after = 0;
  while (after < suffix.length && text[end + after] === suffix[after]) after += 1;
  return count + after;
}

// The occurrence of the quote whose context and position fit best (UTF-16 offset), or null.
function bestOccurrence(text: string, quote: QuoteInput, hint: number | undefined) {
  const prefix = (quote.prefix ?? "").slice(-COMPARED_CONTEXT);
  const suffix = (quote.suffix ?? "").slice(0, COMPARED_CONTEXT);
  const nearness = (at: number) => (hint === undefined ? 0 : 1 - Math.abs(at - hint) / Math.max(1, text.length));
  const candidates: { at: number; rank: number }[] = [];
  for (let at = text.indexOf(quote.exact); at !== -1 && candidates.length < MAX_OCCURRENCES;) {
    const rank = matchingContext(text, at, at + quote.exact.length, prefix, suffix) + nearness(at) / 2;
    candidates.push({ at, rank });
    at = text.indexOf(quote.exact, at + 1);
  }
  if (candidates.length > MAX_COMPARED) candidates.sort((a, b) => b.rank - a.rank).splice(MAX_COMPARED);
  let best: { at: number; score: number } | null = null;
  for (const { at } of candidates) {
    const end = at + quote.exact.length;
    const before = prefix ? similarity(prefix, text.slice(Math.max(0, at - prefix.length), at)) : 0;
    const after = suffix ? similarity(suffix, text.slice(end, end + suffix.length)) : 0;
    const score = before + after + nearness(at) / 2;
    if (!best || score > best.score || (score === best.score && at < best.at)) best = { at, score };
  }
  return best;
}

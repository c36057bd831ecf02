import { CodePointIndex } from "./code-points";
import { describeRange, type TextPositionSelector, type TextQuoteSelector } from "./selectors";
import { similarity } from "./similarity";

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
  let best: { at: number; score: number } | null = null;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const prefix = quote.prefix ? similarity(quote.prefix, text.slice(Math.max(0, at - quote.prefix.length), at)) : 0;
    const end = at + quote.exact.length;
    const suffix = quote.suffix ? similarity(quote.suffix, text.slice(end, end + quote.suffix.length)) : 0;
    const nearness = hint === undefined ? 0 : 1 - Math.abs(at - hint) / Math.max(1, text.length);
    const score = prefix + suffix + nearness / 2;
    if (!best || score > best.score) best = { at, score };
  }
  if (!best) return null;
  const start = index.toCodePoint(best.at);
  return resolved(text, start, index.toCodePoint(best.at + quote.exact.length));
}

function resolved(text: string, start: number, end: number): ResolvedAnchor {
  const selectors = describeRange(text, start, end);
  const [quote] = selectors;
  return { start, end, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, selectors };
}

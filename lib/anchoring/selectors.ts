// W3C Web Annotation selectors over a document's canonical text. Offsets are
// counted in Unicode code points, as the W3C model requires, not UTF-16 units.

export const CONTEXT_LENGTH = 32;

export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };

// Each surrogate pair is one code point; a lone surrogate counts as one. A regular
// expression finds the pairs several times faster than a loop over the units, which
// matters for a 300k-character document on every page view.
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

// Converts a UTF-16 index into a code-point offset.
export function toCodePointOffset(text: string, utf16Index: number): number {
  return codePointLength(text.slice(0, utf16Index));
}

// Converts a code-point offset into a UTF-16 index (clamped to the text).
export function toUtf16Index(text: string, codePointOffset: number): number {
  let index = 0;
  let points = 0;
  while (points < codePointOffset && index < text.length) {
    const code = text.codePointAt(index)!;
    index += code > 0xffff ? 2 : 1;
    points += 1;
  }
  return index;
}

// Both selectors for the passage text[start, end) given in code points.
export function describeRange(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  const from = toUtf16Index(text, start);
  const to = toUtf16Index(text, end);
  const before = Array.from(text.slice(Math.max(0, from - CONTEXT_LENGTH * 2), from));
  const after = Array.from(text.slice(to, to + CONTEXT_LENGTH * 2));
  return [
    {
      type: "TextQuoteSelector",
      exact: text.slice(from, to),
      prefix: before.slice(-CONTEXT_LENGTH).join(""),
      suffix: after.slice(0, CONTEXT_LENGTH).join(""),
    },
    { type: "TextPositionSelector", start, end },
  ];
}

// Selectors for the n-th occurrence of an exact quote, or null when absent.
export function describeQuote(
  text: string,
  exact: string,
  occurrence = 0,
): [TextQuoteSelector, TextPositionSelector] | null {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) {
    index = text.indexOf(exact, index + 1);
    if (index === -1) return null;
  }
  const start = toCodePointOffset(text, index);
  return describeRange(text, start, start + codePointLength(exact));
}

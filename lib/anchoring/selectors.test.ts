import { describe, expect, it } from "vitest";
import { CJK_TERM, CYRILLIC_TERM, readFixture } from "@/tests/fixtures/texts";
import { codePointLength, describeQuote, describeRange, toCodePointOffset, toUtf16Index } from "./selectors";

describe("selectors", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(codePointLength("a😀b")).toBe(3);
    // Lone surrogates count one each; a pair after a lone high surrogate is still one.
    expect(codePointLength("\uD83D")).toBe(1);
    expect(codePointLength("\uDE00\uD83D")).toBe(2);
    expect(codePointLength("\uD83D\uD83D\uDE00")).toBe(2);
    expect(codePointLength("😀\uDE00")).toBe(2);
    expect(toCodePointOffset("a😀b", 3)).toBe(2);
    expect(toUtf16Index("a😀b", 2)).toBe(3);
  });

  it("describes a CJK quote (and a Cyrillic one) in a report with position and context", () => {
    const text = readFixture("titlePage");
    const selectors = describeQuote(text, CJK_TERM);
    expect(selectors).not.toBeNull();
    const [quote, position] = selectors!;
    expect(position.end - position.start).toBe(10);
    expect(Array.from(text).slice(position.start, position.end).join("")).toBe(CJK_TERM);
    expect(codePointLength(quote.prefix)).toBe(32);
    expect(codePointLength(quote.suffix)).toBe(32);
    expect(text).toContain(quote.prefix + quote.exact + quote.suffix);
    const [, cyrillic] = describeQuote(text, CYRILLIC_TERM)!;
    expect(Array.from(text).slice(cyrillic.start, cyrillic.end).join("")).toBe(CYRILLIC_TERM);
  });

  it("finds the n-th occurrence of a repeated phrase and returns null when absent", () => {
    const text = readFixture("axis");
    const first = describeQuote(text, "Russia", 0)!;
    const second = describeQuote(text, "Russia", 1)!;
    expect(second[1].start).toBeGreaterThan(first[1].start);
    expect(describeQuote(text, "a phrase that never occurs in the text")).toBeNull();
  });

  it("handles quotes at the very start and end of the text", () => {
    const text = "Alpha beta gamma.";
    expect(describeRange(text, 0, 5)[0]).toEqual({
      type: "TextQuoteSelector",
      exact: "Alpha",
      prefix: "",
      suffix: " beta gamma.",
    });
    expect(describeRange(text, 11, 17)[0]).toMatchObject({ exact: "gamma.", suffix: "" });
  });
});

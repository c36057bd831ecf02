import { describe, expect, it } from "vitest";
import { readCorpus as corpus } from "@/tests/support/corpus";
import { codePointLength, describeQuote, describeRange, toCodePointOffset, toUtf16Index } from "./selectors";

describe("selectors", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(codePointLength("a😀b")).toBe(3);
    expect(toCodePointOffset("a😀b", 3)).toBe(2);
    expect(toUtf16Index("a😀b", 2)).toBe(3);
  });

  it("describes a CJK quote in a real corpus text with position and context", () => {
    const text = corpus("kowalewski-2018-countering-encirclement.txt");
    const selectors = describeQuote(text, "全面战略协作伙伴关系");
    expect(selectors).not.toBeNull();
    const [quote, position] = selectors!;
    expect(position.end - position.start).toBe(10);
    expect(Array.from(text).slice(position.start, position.end).join("")).toBe("全面战略协作伙伴关系");
    expect(codePointLength(quote.prefix)).toBeLessThanOrEqual(32);
    expect(text).toContain(quote.prefix + quote.exact + quote.suffix);
  });

  it("finds the n-th occurrence of a repeated phrase and returns null when absent", () => {
    const text = corpus("lin-2023-axis-takes-shape.txt");
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

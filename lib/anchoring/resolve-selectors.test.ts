import { describe, expect, it } from "vitest";
import { readCorpus } from "@/tests/support/corpus";
import { describeQuote } from "./selectors";
import { resolveSelectors } from "./resolve-selectors";

const istomin = readCorpus("istomin-2021-avoiding-an-alliance.txt");

describe("resolveSelectors", () => {
  it("takes the position when it holds the quote", () => {
    const [quote, position] = describeQuote(istomin, "alliance", 2)!;
    expect(resolveSelectors(istomin, [quote, position])).toMatchObject({
      start: position.start,
      end: position.end,
      quote: "alliance",
    });
  });

  it("picks the occurrence whose context matches when the position is stale", () => {
    const [quote, position] = describeQuote(istomin, "alliance", 3)!;
    const resolved = resolveSelectors(istomin, [quote, { ...position, start: 0, end: 8 }]);
    expect(resolved).toMatchObject({ start: position.start, quote: "alliance" });
  });

  it("resolves a bare quote and a bare position, and refuses a quote that is not in the text", () => {
    expect(resolveSelectors(istomin, [{ type: "TextQuoteSelector", exact: "Deepening Cooperation" }])?.quote).toBe(
      "Deepening Cooperation",
    );
    expect(resolveSelectors(istomin, [{ type: "TextPositionSelector", start: 0, end: 6 }])?.quote).toBe(
      Array.from(istomin).slice(0, 6).join(""),
    );
    expect(resolveSelectors(istomin, [{ type: "TextQuoteSelector", exact: "not a phrase of this essay" }])).toBeNull();
    expect(
      resolveSelectors(istomin, [{ type: "TextPositionSelector", start: 0, end: istomin.length + 10 }]),
    ).toBeNull();
  });
});

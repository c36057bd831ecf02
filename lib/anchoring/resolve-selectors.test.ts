import { describe, expect, it } from "vitest";
import { readFixture, REPEATED_PARAGRAPH } from "@/tests/fixtures/texts";
import { describeQuote } from "./selectors";
import { resolveSelectors } from "./resolve-selectors";

const essay = readFixture("alliance");

describe("resolveSelectors", () => {
  it("takes the position when it holds the quote", () => {
    const [quote, position] = describeQuote(essay, "alliance", 2)!;
    expect(resolveSelectors(essay, [quote, position])).toMatchObject({
      start: position.start,
      end: position.end,
      quote: "alliance",
    });
  });

  it("picks the occurrence whose context matches when the position is stale", () => {
    const [quote, position] = describeQuote(essay, "alliance", 3)!;
    const resolved = resolveSelectors(essay, [quote, { ...position, start: 0, end: 8 }]);
    expect(resolved).toMatchObject({ start: position.start, quote: "alliance" });
    // The same holds for a whole paragraph repeated word for word.
    const notes = readFixture("notes");
    const [repeated, second] = describeQuote(notes, REPEATED_PARAGRAPH, 1)!;
    const first = describeQuote(notes, REPEATED_PARAGRAPH, 0)![1];
    expect(second.start).toBeGreaterThan(first.start);
    expect(resolveSelectors(notes, [repeated, { ...second, start: 0, end: 8 }])).toMatchObject({
      start: second.start,
      quote: REPEATED_PARAGRAPH,
    });
  });

  it("resolves a bare quote and a bare position, and refuses a quote that is not in the text", () => {
    expect(resolveSelectors(essay, [{ type: "TextQuoteSelector", exact: "deepening cooperation" }])?.quote).toBe(
      "deepening cooperation",
    );
    expect(resolveSelectors(essay, [{ type: "TextPositionSelector", start: 0, end: 6 }])?.quote).toBe(
      Array.from(essay).slice(0, 6).join(""),
    );
    expect(resolveSelectors(essay, [{ type: "TextQuoteSelector", exact: "not a phrase of this essay" }])).toBeNull();
    expect(resolveSelectors(essay, [{ type: "TextPositionSelector", start: 0, end: essay.length + 10 }])).toBeNull();
  });
});

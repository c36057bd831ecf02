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

  it("stays quick for a one-letter quote with 1,000-character context in a long document", () => {
    // 200,000 characters of made-up words, with the letter "q" in some 4,000 of them.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const words = Array.from({ length: 40_000 }, () =>
      Array.from(
        { length: 3 + Math.floor(random() * 5) },
        () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(random() * 26)],
      ).join(""),
    );
    const text = words.join(" ");
    const occurrences = text.split("q").length - 1;
    expect(occurrences).toBeGreaterThan(3_000);
    const target = text.lastIndexOf("q");
    const quote = {
      type: "TextQuoteSelector" as const,
      exact: "q",
      prefix: text.slice(target - 1_000, target),
      suffix: text.slice(target + 1, target + 1_001),
    };
    const started = performance.now();
    const found = resolveSelectors(text, [quote]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(found).toMatchObject({ start: target, end: target + 1, quote: "q" });
    // A stale position still points at the occurrence whose context fits.
    expect(resolveSelectors(text, [quote, { type: "TextPositionSelector", start: 0, end: 1 }])?.start).toBe(target);
  });
});

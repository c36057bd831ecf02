import { describe, expect, it } from "vitest";
import { matchQuote, searchLikeHypothesis } from "./hypothesis-baseline";

describe("the Hypothesis-style baseline", () => {
  it("answers every exact occurrence, overlapping ones too, without the approximate search", () => {
    const text = "the toll rose; the tolls rose; the toll fell";
    expect(searchLikeHypothesis(text, "the toll", 4)).toEqual([
      { start: 0, end: 8, errors: 0 },
      { start: 15, end: 23, errors: 0 },
      { start: 31, end: 39, errors: 0 },
    ]);
    expect(searchLikeHypothesis("aaaa", "aa", 1).map((match) => match.start)).toEqual([0, 1, 2]);
  });

  it("falls back to the approximate search when the quote is not there as such", () => {
    const matches = searchLikeHypothesis("the tolll rose", "the toll rose", 3);
    expect(matches.length).toBeGreaterThan(0);
    expect(Math.min(...matches.map((match) => match.errors))).toBe(1);
    expect(
      matchQuote("First. The toll rose. Last.", "The tol rose.", { prefix: "First. ", suffix: " Last." }),
    ).toMatchObject({ start: 7 });
  });
});

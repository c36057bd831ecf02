import { describe, expect, it } from "vitest";
import { describeTarget, excerpt } from "./audit-excerpt";

describe("audit log excerpts", () => {
  it("cuts at a word boundary and marks the cut", () => {
    expect(excerpt("Short quote.")).toBe("Short quote.");
    expect(excerpt("The partnership has deepened steadily over the decade, in trade and arms alike", 40)).toBe(
      "The partnership has deepened steadily…",
    );
    expect(excerpt("全面战略协作伙伴关系全面战略协作伙伴关系", 8)).toBe("全面战略协作伙伴…");
  });

  it("names each kind of target", () => {
    expect(describeTarget("document", { title: "Notes on alliances" })).toBe("“Notes on alliances”");
    expect(describeTarget("link", { fromQuote: "first passage", toQuote: "second passage" })).toBe(
      "“first passage” → “second passage”",
    );
    expect(describeTarget("member", { name: "Ada" })).toBe("Ada");
    expect(describeTarget("annotation", {})).toBeNull();
  });
});

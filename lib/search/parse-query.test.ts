import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./parse-query";

describe("parseSearchQuery", () => {
  it("reads words, phrases in straight or curly quotes, exclusions and OR groups", () => {
    expect(parseSearchQuery("axis “no limits” -alliance OR partnership ")).toEqual({
      groups: [
        [
          { kind: "word", text: "axis", isNegated: false },
          { kind: "phrase", text: "no limits", isNegated: false },
          { kind: "word", text: "alliance", isNegated: true },
        ],
        [{ kind: "word", text: "partnership", isNegated: false }],
      ],
    });
  });

  it("treats the last word of a query being typed as a prefix", () => {
    expect(parseSearchQuery("axis of conveni").groups[0]!.at(-1)).toEqual({
      kind: "prefix",
      text: "conveni",
      isNegated: false,
    });
    expect(parseSearchQuery("axis of convenience ").groups[0]!.at(-1)!.kind).toBe("word");
  });

  it("keeps an unclosed phrase, and drops groups that only exclude", () => {
    expect(parseSearchQuery('"axis of').groups).toEqual([[{ kind: "phrase", text: "axis of", isNegated: false }]]);
    expect(parseSearchQuery("-alliance").groups).toEqual([]);
    expect(parseSearchQuery("   ").groups).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./parse-query";
import { anyLexemeSql, canSpanPassages, hasExclusions } from "./search-context";

describe("which queries a passage can answer alone", () => {
  it.each([
    ["china ", false],
    ["partnersh", false],
    ["axis OR bloc ", false],
    ["全面 ", false],
    ["alliance -treaty ", false],
    ["military cooperation ", true],
    ['"no limits"', true],
    ["sino-russian ", true],
    ["axis OR energy sanctions ", true],
  ])("%j spans passages: %s", (query, expected) => {
    expect(canSpanPassages(parseSearchQuery(query))).toBe(expected);
  });

  it("sees exclusions", () => {
    expect(hasExclusions(parseSearchQuery("alliance -treaty "))).toBe(true);
    expect(hasExclusions(parseSearchQuery("alliance treaty "))).toBe(false);
  });

  it("writes any of the lexemes as one tsquery, quotes escaped, prefixes kept", () => {
    const sql = anyLexemeSql([
      { lexeme: "russia's", isPrefix: false },
      { lexeme: "partnersh", isPrefix: true },
    ]);
    expect(sql.values).toEqual(["'russia''s' | 'partnersh':*"]);
  });
});

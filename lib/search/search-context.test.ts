import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./parse-query";
import {
  anyLexemeSql,
  canSpanPassages,
  hasExclusions,
  hasPrefix,
  isCjkPhrase,
  searchCtes,
  type SearchContext,
} from "./search-context";
import { Prisma } from "@/lib/generated/prisma/client";

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

  it("sees prefixes and CJK phrases of bigrams", () => {
    expect(hasPrefix(parseSearchQuery("partnersh"))).toBe(true);
    expect(hasPrefix(parseSearchQuery("partnership "))).toBe(false);
    expect(isCjkPhrase(parseSearchQuery("战略协作 "))).toBe(true);
    expect(isCjkPhrase(parseSearchQuery("全面 "))).toBe(false);
    expect(isCjkPhrase(parseSearchQuery("alliance "))).toBe(false);
  });

  it("lets the planner see the words over small vectors and hides them over whole documents", () => {
    const context = {
      workspaces: Prisma.sql`SELECT 1`,
      tsQuery: Prisma.sql`'trust'::tsquery`,
    } as SearchContext;
    expect(searchCtes(context).sql).toMatch(/q AS NOT MATERIALIZED \(/);
    expect(searchCtes(context, false).sql).toMatch(/q AS MATERIALIZED \(/);
  });
});

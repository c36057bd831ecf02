import { Prisma } from "@/lib/generated/prisma/client";
import type { ParsedQuery } from "./parse-query";

// What every search path shares: the caller, the workspaces searched (SQL), the query.
export type Page = { offset: number; limit: number };
export type SearchContext = {
  actorId?: string;
  workspaces: Prisma.Sql;
  tsQuery: Prisma.Sql;
  parsed: ParsedQuery;
  hasWords: boolean;
  page: Page;
};

// How many matches each path ranks at most: the first ones the index yields. Beyond them
// a page continues with the remaining matches unranked (by id), and counts are "N+".
export const CANDIDATE_CAP = 200;
// Passages (a few hundred words each) cost more to rank (larger vectors): fewer of them.
export const PASSAGE_CAP = 100;

// A count of matches; when counting stopped at a cap, `isEstimate` says it is a lower bound.
export type MatchCount = { count: number; isEstimate: boolean };

export type Ranked<T> = { rows: T[]; total: MatchCount };

// Whether a query's matches in a whole text can fail to lie inside one passage: several
// clauses in a group, or a clause of several words (a phrase can cross a line break).
export function canSpanPassages(query: ParsedQuery): boolean {
  return query.groups.some(
    (group) =>
      group.filter((clause) => !clause.isNegated).length > 1 || group.some((c) => /[^\p{L}\p{N}]/u.test(c.text)),
  );
}

export const hasExclusions = (query: ParsedQuery) => query.groups.some((group) => group.some((c) => c.isNegated));

// Any one of the lexemes, as a tsquery (the passage to show when no passage holds them all).
export function anyLexemeSql(lexemes: Array<{ lexeme: string; isPrefix: boolean }>): Prisma.Sql {
  const text = lexemes.map(({ lexeme, isPrefix }) => `'${lexeme.replaceAll("'", "''")}'${isPrefix ? ":*" : ""}`);
  return Prisma.sql`${text.join(" | ")}::tsquery`;
}

// The CTEs every search statement starts with: ws (the workspaces searched) and q (the
// tsquery). q is MATERIALIZED so that the planner never sees the query's words: knowing
// that a word is in most documents, it would scan the table and read every out-of-line
// vector (18 ms for 1,000 documents) instead of walking the GIN index, which needs none.
export const searchCtes = (context: SearchContext) =>
  Prisma.sql`WITH ws AS (${context.workspaces}), q AS MATERIALIZED (SELECT ${context.tsQuery} AS query)`;

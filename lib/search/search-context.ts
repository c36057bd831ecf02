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
// tsquery). With `seeWords`, q is inlined, so that the planner sees the query's words over
// small vectors (passages, annotations, replies): a word in most rows is found by reading
// the table in order until the cap is reached (as the floor does), a rare one through the
// GIN index. Otherwise q is MATERIALIZED and the planner, blind to the words, walks the GIN
// index: over whole documents' vectors (out of line, large), where a table scan would read
// every document's vector (18 ms for 1,000 documents), and for prefixes, whose frequency
// PostgreSQL guesses (a prefix found in no reply read all 30,000 of them: 25 ms).
export const searchCtes = (context: SearchContext, seeWords = true) =>
  Prisma.sql`WITH ws AS (${context.workspaces}), q AS ${seeWords ? Prisma.sql`NOT MATERIALIZED` : Prisma.sql`MATERIALIZED`} (SELECT ${context.tsQuery} AS query)`;

export const hasPrefix = (query: ParsedQuery) => query.groups.some((group) => group.some((c) => c.kind === "prefix"));

// A CJK clause of three characters or more is searched as a phrase of bigrams ('战略' <->
// '略协' <-> '协作'): the GIN index cannot answer it alone, every candidate's vector is read.
const CJK_CHARACTER = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;
export const isCjkPhrase = (query: ParsedQuery) =>
  query.groups.some((group) => group.some((clause) => (clause.text.match(CJK_CHARACTER)?.length ?? 0) > 2));

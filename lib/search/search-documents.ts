import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchQuery } from "@/lib/validations/search";
import {
  anyLexemeSql,
  canSpanPassages,
  hasExclusions,
  isCjkPhrase,
  PASSAGE_CAP,
  searchCtes,
  type Ranked,
  type SearchContext,
} from "./search-context";
import { queryLexemes } from "./search-query-sql";
import { findMatches, firstMatchInCodePoints, snippetHtml, type Lexeme } from "./snippets";

// Documents are searched through their passages (DocumentSearchUnit, kept by a trigger):
// the first PASSAGE_CAP matching passages the index yields are ranked — a small vector
// each, not a whole document's — and grouped by document (title and authors, passage 0,
// weigh as A and B, the text as C: a title match plus the best passage). The document's
// own vector stays the truth: it checks exclusions (a passage without the excluded word
// says nothing about the rest), and documents that match only across passages (two words
// in different paragraphs) follow the ranked ones, by id. Snippets are cut from the best
// passage only.
type Candidate = { id: string; rank: number; ordinal: number | null };
type HitRow = Candidate & {
  title: string;
  authors: string[];
  workspaceId: string;
  workspaceName: string;
  start: number;
  passage: string;
};

// How far the remaining (unranked) matches are counted before saying "N+".
const TAIL_COUNT_CAP = 1000;
// The text shown when only the title matched: the document's opening.
const OPENING = 600;
// The chosen passage of each document on the page (never a whole text): its start in
// code points and its text; the opening when only the title or authors matched.
const passageColumns = Prisma.sql`d.title, d.authors, d."workspaceId", w.name AS "workspaceName",
  CASE WHEN u.ordinal > 0 THEN u.start ELSE 0 END AS start,
  CASE WHEN u.ordinal > 0 THEN substr(d.text, u.start + 1, u."end" - u.start) ELSE substr(d.text, 1, ${OPENING}) END AS passage`;
const passageJoins = (page: Prisma.Sql) => Prisma.sql`
  LEFT JOIN "Document" d ON d.id = ${page}.id LEFT JOIN "Workspace" w ON w.id = d."workspaceId"
  LEFT JOIN "DocumentSearchUnit" u ON u."documentId" = ${page}.id AND u.ordinal = ${page}.ordinal`;

export async function searchDocuments(context: SearchContext, query: SearchQuery): Promise<Ranked<DocumentHit>> {
  const author = query.author ? Prisma.sql`AND d."createdById" = ${query.author}` : Prisma.empty;
  const verify = hasExclusions(context.parsed) ? Prisma.sql`AND d."searchVector" @@ q.query` : Prisma.empty;
  const { offset, limit } = context.page;
  // One round trip: rank the capped passages, group them by document, cut the page and
  // fetch its titles and passages; the first row also carries the totals.
  // A plain query (words, prefixes, OR; no phrase, no exclusion) matches a document exactly
  // when it matches one of its passages: when the passages reach their cap, its documents
  // are counted straight from the document index up to TAIL_COUNT_CAP, in the same
  // statement (an InitPlan, run only then), through qi, a tsquery the planner cannot see
  // (search-context.ts): no document vector is read, which a CJK phrase of bigrams would
  // need (25 ms at 10k documents).
  const isPlain = !canSpanPassages(context.parsed) && !hasExclusions(context.parsed) && !isCjkPhrase(context.parsed);
  const plainCount = isPlain
    ? Prisma.sql`CASE WHEN (SELECT count(*) FROM hits) >= ${PASSAGE_CAP} THEN (
        SELECT count(*) FROM (
          SELECT 1 FROM "Document" d CROSS JOIN qi
          WHERE d."workspaceId" IN (SELECT id FROM ws) AND d."deletedAt" IS NULL AND d."searchVector" @@ qi.query ${author}
          LIMIT ${TAIL_COUNT_CAP}) t) END::int`
    : Prisma.sql`NULL::int`;
  const rows = await db.$queryRaw<
    Array<
      Partial<HitRow> & { unitCount: number; plainCount: number | null; headIds: string[] | null; queryText: string }
    >
  >`
    ${searchCtes(context)}, qi AS MATERIALIZED (SELECT ${context.tsQuery} AS query),
    hits AS MATERIALIZED (
      SELECT u."documentId", u.ordinal, ts_rank_cd(u.vector, q.query) AS rank
      FROM "DocumentSearchUnit" u CROSS JOIN q
      WHERE u."workspaceId" IN (SELECT id FROM ws) AND u.vector @@ q.query
      LIMIT ${PASSAGE_CAP}),
    docs AS (
      SELECT h."documentId" AS id,
             coalesce(max(h.rank) FILTER (WHERE h.ordinal = 0), 0) + coalesce(max(h.rank) FILTER (WHERE h.ordinal > 0), 0) AS rank,
             (array_agg(h.ordinal ORDER BY h.rank DESC, h.ordinal) FILTER (WHERE h.ordinal > 0))[1] AS ordinal
      FROM hits h GROUP BY h."documentId"),
    ranked AS MATERIALIZED (
      SELECT docs.id, docs.rank::float8 AS rank, docs.ordinal,
             row_number() OVER (ORDER BY docs.rank DESC, d."createdAt" DESC, d.id) AS place
      FROM docs JOIN "Document" d ON d.id = docs.id CROSS JOIN q
      WHERE d."deletedAt" IS NULL ${verify} ${author}),
    page AS (SELECT * FROM ranked WHERE place > ${offset} AND place <= ${offset + limit + 1})
    SELECT c."unitCount", c."plainCount", c."headIds", c."queryText", page.id, page.rank, page.ordinal, ${passageColumns}
    FROM (SELECT (SELECT count(*) FROM hits)::int AS "unitCount", (SELECT array_agg(id) FROM ranked) AS "headIds",
                 (SELECT query::text FROM q) AS "queryText", ${plainCount} AS "plainCount") c
      LEFT JOIN page ON true ${passageJoins(Prisma.sql`page`)}
    ORDER BY page.place`;
  const first = rows[0]!;
  const lexemes = queryLexemes(first.queryText);
  const headIds = first.headIds ?? [];
  const isCapped = first.unitCount >= PASSAGE_CAP;
  const mayHaveMore = isCapped || canSpanPassages(context.parsed);
  const page = rows.filter((row): row is HitRow & typeof first => Boolean(row.id));

  // Documents that match but had no passage among the candidates: after the ranked
  // ones, by id, with the first passage holding any of the words.
  const remaining = Prisma.sql`
    FROM "Document" d CROSS JOIN q
    WHERE d."workspaceId" IN (SELECT id FROM ws) AND d."deletedAt" IS NULL AND d."searchVector" @@ q.query
      AND d.id <> ALL(${headIds}::text[]) ${author}`;
  const missing = limit + 1 - page.length;
  const [tail, tailCount] = await Promise.all([
    mayHaveMore && missing > 0
      ? db.$queryRaw<HitRow[]>`
          ${searchCtes(context, false)},
          tail AS (
            SELECT d.id, 0::float8 AS rank,
                   (SELECT u.ordinal FROM "DocumentSearchUnit" u
                    WHERE u."documentId" = d.id AND u.ordinal > 0 AND u.vector @@ ${anyLexemeSql(lexemes)}
                    ORDER BY u.ordinal LIMIT 1) AS ordinal
            ${remaining}
            ORDER BY d.id LIMIT ${missing} OFFSET ${Math.max(0, offset - headIds.length)})
          SELECT tail.id, tail.rank, tail.ordinal, ${passageColumns} FROM tail ${passageJoins(Prisma.sql`tail`)}
          ORDER BY tail.id`
      : [],
    !isCapped && mayHaveMore
      ? db.$queryRaw<[{ count: number }]>`
          ${searchCtes(context, false)}
          SELECT count(*)::int AS count FROM (SELECT 1 ${remaining} LIMIT ${TAIL_COUNT_CAP}) t`.then(
          ([row]) => row.count,
        )
      : 0,
  ]);
  const counted = first.plainCount;
  const total =
    counted !== null
      ? { count: Math.max(counted, headIds.length), isEstimate: counted >= TAIL_COUNT_CAP }
      : { count: headIds.length + tailCount, isEstimate: isCapped || tailCount >= TAIL_COUNT_CAP };
  return { rows: [...page, ...tail].map((row) => documentHit(row, lexemes)), total };
}

function documentHit(row: HitRow, lexemes: Lexeme[]) {
  const matches = findMatches(row.passage, lexemes);
  const match = firstMatchInCodePoints(row.passage, matches);
  return {
    id: row.id,
    title: row.title,
    titleHtml: snippetHtml(row.title, findMatches(row.title, lexemes, 400), 400),
    authors: row.authors,
    workspace: { id: row.workspaceId, name: row.workspaceName },
    rank: row.rank,
    snippetHtml: snippetHtml(row.passage, matches),
    // Where the reader scrolls to, in code points of the document's text.
    match: match ? { start: row.start + match.start, end: row.start + match.end } : null,
  };
}
export type DocumentHit = ReturnType<typeof documentHit>;

import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchQuery } from "@/lib/validations/search";
import {
  anyLexemeSql,
  canSpanPassages,
  CANDIDATE_CAP,
  hasExclusions,
  headThenTail,
  type Ranked,
  type SearchContext,
} from "./search-context";
import { queryLexemes } from "./search-query-sql";
import { findMatches, firstMatchInCodePoints, snippetHtml, type Lexeme } from "./snippets";

// Documents are searched through their passages (DocumentSearchUnit, kept by a trigger):
// the first CANDIDATE_CAP matching passages the index yields are ranked — a small vector
// each, not a whole document's — and grouped by document (title and authors, passage 0,
// weigh as A and B, the text as C: a title match plus the best passage). The document's
// own vector stays the truth: it checks exclusions (a passage without the excluded word
// says nothing about the rest), and documents that match only across passages (two words
// in different paragraphs) follow the ranked ones, by id. Snippets are cut from the best
// passage only.
type Candidate = { id: string; rank: number; ordinal: number | null };

// How far the remaining (unranked) matches are counted before saying "N+".
const TAIL_COUNT_CAP = 1000;
// The text shown when only the title matched: the document's opening.
const OPENING = 600;

export async function searchDocuments(context: SearchContext, query: SearchQuery): Promise<Ranked<DocumentHit>> {
  const author = query.author ? Prisma.sql`AND d."createdById" = ${query.author}` : Prisma.empty;
  const verify = hasExclusions(context.parsed) ? Prisma.sql`AND d."searchVector" @@ q.query` : Prisma.empty;
  const rows = await db.$queryRaw<Array<Partial<Candidate> & { unitCount: number; queryText: string }>>`
    WITH ws AS (${context.workspaces}), q AS (SELECT ${context.tsQuery} AS query),
    hits AS MATERIALIZED (
      SELECT u."documentId", u.ordinal, ts_rank_cd(u.vector, q.query) AS rank
      FROM "DocumentSearchUnit" u CROSS JOIN q
      WHERE u."workspaceId" IN (SELECT id FROM ws) AND u.vector @@ q.query
      LIMIT ${CANDIDATE_CAP}),
    docs AS (
      SELECT h."documentId" AS id,
             coalesce(max(h.rank) FILTER (WHERE h.ordinal = 0), 0) + coalesce(max(h.rank) FILTER (WHERE h.ordinal > 0), 0) AS rank,
             (array_agg(h.ordinal ORDER BY h.rank DESC, h.ordinal) FILTER (WHERE h.ordinal > 0))[1] AS ordinal
      FROM hits h GROUP BY h."documentId"),
    ranked AS (
      SELECT docs.id, docs.rank::float8 AS rank, docs.ordinal, d."createdAt"
      FROM docs JOIN "Document" d ON d.id = docs.id CROSS JOIN q
      WHERE d."deletedAt" IS NULL ${verify} ${author})
    SELECT ranked.id, ranked.rank, ranked.ordinal, c.n::int AS "unitCount", c."queryText"
    FROM (SELECT count(*) AS n, (SELECT query::text FROM q) AS "queryText" FROM hits) c LEFT JOIN ranked ON true
    ORDER BY ranked.rank DESC, ranked."createdAt" DESC, ranked.id`;
  const head = rows.filter((row): row is Candidate & { unitCount: number; queryText: string } => Boolean(row.id));
  const lexemes = queryLexemes(rows[0]?.queryText ?? "");
  const isCapped = (rows[0]?.unitCount ?? 0) >= CANDIDATE_CAP;
  const mayHaveMore = isCapped || canSpanPassages(context.parsed);
  const headIds = head.map((row) => row.id);

  const remaining = (extra: Prisma.Sql) => Prisma.sql`
    FROM "Document" d CROSS JOIN q
    WHERE d."workspaceId" IN (SELECT id FROM ws) AND d."deletedAt" IS NULL AND d."searchVector" @@ q.query
      AND d.id <> ALL(${headIds}::text[]) ${author} ${extra}`;
  const tail = mayHaveMore
    ? (offset: number, limit: number) =>
        db.$queryRaw<Candidate[]>`
          WITH ws AS (${context.workspaces}), q AS (SELECT ${context.tsQuery} AS query)
          SELECT d.id, 0::float8 AS rank,
                 (SELECT u.ordinal FROM "DocumentSearchUnit" u
                  WHERE u."documentId" = d.id AND u.ordinal > 0 AND u.vector @@ ${anyLexemeSql(lexemes)}
                  ORDER BY u.ordinal LIMIT 1) AS ordinal
          ${remaining(Prisma.empty)}
          ORDER BY d.id LIMIT ${limit} OFFSET ${offset}`
    : null;
  const page = await headThenTail(context.page, head, tail);

  let total = { count: head.length, isEstimate: isCapped };
  if (!isCapped && mayHaveMore) {
    const [{ count }] = await db.$queryRaw<[{ count: number }]>`
      WITH ws AS (${context.workspaces}), q AS (SELECT ${context.tsQuery} AS query)
      SELECT count(*)::int AS count FROM (SELECT 1 ${remaining(Prisma.empty)} LIMIT ${TAIL_COUNT_CAP}) t`;
    total = { count: head.length + count, isEstimate: count >= TAIL_COUNT_CAP };
  }
  return { rows: await documentHits(page, lexemes), total };
}

// Titles, authors and the chosen passage of a page of documents (never a whole text).
async function documentHits(page: Candidate[], lexemes: Lexeme[]) {
  if (!page.length) return [];
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      title: string;
      authors: string[];
      workspaceId: string;
      workspaceName: string;
      start: number;
      passage: string;
    }>
  >`
    SELECT d.id, d.title, d.authors, d."workspaceId", w.name AS "workspaceName",
           CASE WHEN u.ordinal > 0 THEN u.start ELSE 0 END AS start,
           CASE WHEN u.ordinal > 0 THEN substr(d.text, u.start + 1, u."end" - u.start) ELSE substr(d.text, 1, ${OPENING}) END AS passage
    FROM unnest(${page.map((row) => row.id)}::text[], ${page.map((row) => row.ordinal ?? 0)}::int[]) AS p(id, ordinal)
      JOIN "Document" d ON d.id = p.id JOIN "Workspace" w ON w.id = d."workspaceId"
      LEFT JOIN "DocumentSearchUnit" u ON u."documentId" = p.id AND u.ordinal = p.ordinal`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return page.flatMap((candidate) => {
    const row = byId.get(candidate.id);
    if (!row) return [];
    const matches = findMatches(row.passage, lexemes);
    const match = firstMatchInCodePoints(row.passage, matches);
    return [
      {
        id: row.id,
        title: row.title,
        titleHtml: snippetHtml(row.title, findMatches(row.title, lexemes), 400),
        authors: row.authors,
        workspace: { id: row.workspaceId, name: row.workspaceName },
        rank: candidate.rank,
        snippetHtml: snippetHtml(row.passage, matches),
        // Where the reader scrolls to, in code points of the document's text.
        match: match ? { start: row.start + match.start, end: row.start + match.end } : null,
      },
    ];
  });
}
export type DocumentHit = Awaited<ReturnType<typeof documentHits>>[number];

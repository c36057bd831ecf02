import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { htmlPlainText } from "@/lib/markdown/markdown-plain-text";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import { visibleItemSql } from "@/lib/policies/item-visibility";
import { rolesWith } from "@/lib/policies/workspace-policy";
import type { SearchQuery } from "@/lib/validations/search";
import { isEmptyQuery, parseSearchQuery } from "./parse-query";
import { queryLexemes, tsQuerySql } from "./search-query-sql";
import { cappedSearch } from "./capped-search";
import { hasPrefix, type Page, type SearchContext } from "./search-context";
import { searchDocuments } from "./search-documents";
import { findMatches, snippetHtml, type Lexeme } from "./snippets";

// Full-text search over documents, annotations (comment, quote, tags) and replies, in
// one workspace or in every workspace the caller may read. A bounded set of candidates
// is ranked per group (documents through their passages, search-documents.ts; annotations
// and replies, capped-search.ts), paged by cursor, with plain-text snippets cut from the
// original text and counts that say when they are estimates. Hidden items only for
// moderators, pending ones also for their authors (lib/policies/item-visibility.ts).
type Scope = { workspaceId?: string };

export async function searchWorkspace(actor: Actor, workspaceId: string, query: SearchQuery) {
  // The check and the search run together: the search's SQL reads only workspaces the
  // caller may read (readableWorkspaces), so starting it first leaks nothing, and a refusal
  // still answers 404 or 401 as everywhere else. One round trip fewer per search.
  const [, results] = await Promise.all([
    authorizeWorkspace(actor, workspaceId, "read"),
    runSearch(actor, { workspaceId }, query),
  ]);
  return results;
}

export async function searchEverywhere(actor: Actor, query: SearchQuery) {
  return runSearch(actor, { workspaceId: query.workspaceId }, query);
}

// The workspaces searched, with whether the caller moderates each: the policy table's
// rule (members, and everyone for public workspaces) written as SQL.
function readableWorkspaces(actor: Actor, scope: Scope): Prisma.Sql {
  const moderators = rolesWith("moderate");
  return Prisma.sql`
    SELECT w.id, w.name, coalesce(m.role::text = ANY(${moderators}::text[]), false) AS "canModerate"
    FROM "Workspace" w LEFT JOIN "Membership" m ON m."workspaceId" = w.id AND m."userId" = ${actor?.id ?? null}
    WHERE (m.id IS NOT NULL OR w.visibility = 'public') ${scope.workspaceId ? Prisma.sql`AND w.id = ${scope.workspaceId}` : Prisma.empty}`;
}

const pageOf = (query: SearchQuery): Page => ({ offset: Number(query.cursor ?? 0) || 0, limit: query.limit });
const none = { rows: [], total: { count: 0, isEstimate: false } };

async function runSearch(actor: Actor, scope: Scope, query: SearchQuery) {
  const parsed = parseSearchQuery(query.q);
  const hasWords = !isEmptyQuery(parsed);
  const page = pageOf(query);
  const context: SearchContext = {
    actorId: actor?.id,
    workspaces: readableWorkspaces(actor, scope),
    tsQuery: tsQuerySql(parsed),
    parsed,
    hasWords,
    page,
  };
  const wants = (type: SearchQuery["type"]) => query.type === "all" || query.type === type;
  const [documents, annotations, replies] = await Promise.all([
    wants("documents") && hasWords && !query.tag ? searchDocuments(context, query) : none,
    wants("annotations") && (hasWords || query.tag || query.author || query.type === "annotations")
      ? searchAnnotations(context, query)
      : none,
    wants("replies") && hasWords && !query.tag ? searchReplies(context, query) : none,
  ]);
  const hasMore = [documents, annotations, replies].some(({ rows }) => rows.length > page.limit);
  return {
    query: query.q,
    documents: documents.rows.slice(0, page.limit),
    annotations: annotations.rows.slice(0, page.limit),
    replies: replies.rows.slice(0, page.limit),
    // How many match in each group; an estimate (a lower bound, "N+") when counting stopped at a cap.
    counts: { documents: documents.total, annotations: annotations.total, replies: replies.total },
    nextCursor: hasMore ? String(page.offset + page.limit) : null,
  };
}
export type SearchResults = Awaited<ReturnType<typeof searchWorkspace>>;

type WorkspaceColumns = { workspaceId: string; workspaceName: string; rank: number; queryText: string };
const rankSql = (context: SearchContext, vector: Prisma.Sql) =>
  context.hasWords ? Prisma.sql`ts_rank_cd(${vector}, q.query)::float8` : Prisma.sql`0::float8`;

type AnnotationRow = WorkspaceColumns & {
  id: string;
  documentId: string;
  documentTitle: string;
  quote: string;
  body: string;
  bodyHtml: string | null;
  tags: string[];
  status: string;
  creatorId: string;
  creatorName: string;
  createdAt: Date;
};

async function searchAnnotations(context: SearchContext, query: SearchQuery) {
  const found = await cappedSearch<AnnotationRow>(context, {
    from: Prisma.sql`"Annotation" a JOIN ws ON ws.id = a."workspaceId" JOIN "Document" d ON d.id = a."documentId" CROSS JOIN q`,
    id: Prisma.sql`a.id`,
    createdAt: Prisma.sql`a."createdAt"`,
    rank: rankSql(context, Prisma.sql`a."searchVector"`),
    where: Prisma.sql`a."deletedAt" IS NULL AND d."deletedAt" IS NULL
      AND ${visibleItemSql("a", "creatorId", context.actorId, Prisma.sql`ws."canModerate"`)}
      ${context.hasWords ? Prisma.sql`AND a."searchVector" @@ q.query` : Prisma.empty}
      ${query.tag ? Prisma.sql`AND a.tags @> ARRAY[${query.tag}]::text[]` : Prisma.empty}
      ${query.author ? Prisma.sql`AND a."creatorId" = ${query.author}` : Prisma.empty}`,
    select: Prisma.sql`a.id, a."documentId", d.title AS "documentTitle", a."workspaceId", ws.name AS "workspaceName", a.quote, a.body,
      a."bodyHtml", a.tags, a.status::text AS status, a."creatorId",
      (SELECT u.name FROM "User" u WHERE u.id = a."creatorId") AS "creatorName", a."createdAt",
      q.query::text AS "queryText"`,
  });
  const rows = found.rows.map((row) => {
    const lexemes = queryLexemes(row.queryText);
    const body = plainBody(row.body, row.bodyHtml);
    return {
      id: row.id,
      documentId: row.documentId,
      documentTitle: row.documentTitle,
      workspace: { id: row.workspaceId, name: row.workspaceName },
      quote: row.quote,
      quoteHtml: snippetHtml(row.quote, findMatches(row.quote, lexemes, 400), 400),
      body: row.body,
      tags: row.tags,
      status: row.status,
      creator: { id: row.creatorId, name: row.creatorName },
      createdAt: row.createdAt.toISOString(),
      rank: row.rank,
      snippetHtml: snippetHtml(body, findMatches(body, lexemes)),
    };
  });
  return { rows, total: found.total };
}

type ReplyRow = WorkspaceColumns & {
  id: string;
  body: string;
  bodyHtml: string | null;
  stance: string;
  status: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  annotationId: string | null;
  linkId: string | null;
  passageId: string;
  documentId: string;
  documentTitle: string;
};

async function searchReplies(context: SearchContext, query: SearchQuery) {
  const visible = (alias: string, author: string) =>
    visibleItemSql(alias, author, context.actorId, Prisma.sql`ws."canModerate"`);
  const found = await cappedSearch<ReplyRow>(context, {
    // The passage whose card opens the thread: the reply's annotation, or its link's first
    // passage. (Few joins: this is planned on every search.)
    from: Prisma.sql`"Reply" r JOIN ws ON ws.id = r."workspaceId" CROSS JOIN q
      LEFT JOIN "PassageLink" l ON l.id = r."linkId"
      JOIN "Annotation" a ON a.id = coalesce(r."annotationId", l."fromAnnotationId")
      JOIN "Document" d ON d.id = a."documentId"`,
    id: Prisma.sql`r.id`,
    createdAt: Prisma.sql`r."createdAt"`,
    rank: rankSql(context, Prisma.sql`r."searchVector"`),
    // The candidates are found from the reply index alone; the thread's passages are
    // checked per candidate by key (scalar subqueries with LIMIT, which the planner does
    // not turn into a hash of every annotation), so a word in every reply stays cheap.
    headFrom: Prisma.sql`"Reply" r JOIN ws ON ws.id = r."workspaceId" CROSS JOIN q`,
    // A prefix being typed walks the reply index: PostgreSQL guesses a prefix's frequency,
    // and a prefix found in no reply read all 30,000 of them (25 ms); over annotations the
    // guess pays (a prefix of a common word is found in order at once; the index took 30 ms).
    seeWords: !hasPrefix(context.parsed),
    where: Prisma.sql`r."deletedAt" IS NULL AND r."searchVector" @@ q.query
      AND ${visible("r", "authorId")}
      AND (coalesce((SELECT true FROM "Annotation" a JOIN "Document" d ON d.id = a."documentId"
                     WHERE a.id = r."annotationId" AND a."deletedAt" IS NULL AND d."deletedAt" IS NULL
                       AND ${visible("a", "creatorId")} LIMIT 1), false)
        OR coalesce((SELECT true FROM "PassageLink" l JOIN "Annotation" la ON la.id = l."fromAnnotationId"
                       JOIN "Annotation" lb ON lb.id = l."toAnnotationId" JOIN "Document" d ON d.id = la."documentId"
                     WHERE l.id = r."linkId" AND l."deletedAt" IS NULL AND ${visible("l", "creatorId")}
                       AND la."deletedAt" IS NULL AND ${visible("la", "creatorId")}
                       AND lb."deletedAt" IS NULL AND ${visible("lb", "creatorId")} AND d."deletedAt" IS NULL
                     LIMIT 1), false))
      ${query.author ? Prisma.sql`AND r."authorId" = ${query.author}` : Prisma.empty}`,
    select: Prisma.sql`r.id, r.body, r."bodyHtml", r.stance::text AS stance, r.status::text AS status, r."authorId",
      (SELECT u.name FROM "User" u WHERE u.id = r."authorId") AS "authorName",
      r."createdAt", r."annotationId", r."linkId", a.id AS "passageId", d.id AS "documentId",
      d.title AS "documentTitle", r."workspaceId", ws.name AS "workspaceName", q.query::text AS "queryText"`,
  });
  const rows = found.rows.map((row) => {
    const body = plainBody(row.body, row.bodyHtml);
    return {
      id: row.id,
      stance: row.stance,
      status: row.status,
      author: { id: row.authorId, name: row.authorName },
      createdAt: row.createdAt.toISOString(),
      thread: row.annotationId
        ? { kind: "annotation" as const, id: row.annotationId }
        : { kind: "link" as const, id: row.linkId! },
      // The passage whose card opens the thread (for a link's thread, the link's first passage).
      passageId: row.passageId,
      documentId: row.documentId,
      documentTitle: row.documentTitle,
      workspace: { id: row.workspaceId, name: row.workspaceName },
      rank: row.rank,
      snippetHtml: snippetHtml(body, findMatches(body, queryLexemes(row.queryText))),
    };
  });
  return { rows, total: found.total };
}

// Comments as their reader reads them: never `**` or `[text](url)` in a snippet.
const plainBody = (markdown: string, html: string | null) => htmlPlainText(html ?? renderMarkdown(markdown));

export type { Lexeme };

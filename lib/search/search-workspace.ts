import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import { can } from "@/lib/policies/workspace-policy";
import type { SearchQuery } from "@/lib/validations/annotation";

// Full-text search over a workspace's documents and annotations (PostgreSQL
// websearch syntax: words, "phrases", OR, -exclusions), ranked, with
// highlighted snippets. Markers from ts_headline become <mark> only after the
// snippet text has been escaped, so stored text can never inject markup.
const START = "\u0001";
const STOP = "\u0002";
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;

type DocumentHit = { id: string; title: string; authors: string[]; rank: number; snippet: string };
type AnnotationHit = {
  id: string;
  documentId: string;
  documentTitle: string;
  quote: string;
  body: string;
  tags: string[];
  creatorId: string;
  creatorName: string;
  createdAt: Date;
  rank: number;
  snippet: string;
};

export async function searchWorkspace(actor: Actor, workspaceId: string, query: SearchQuery) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const hasWords = query.q.length > 0;
  const tsQuery = Prisma.sql`websearch_to_tsquery('english', ${query.q})`;
  const visibleOnly = can(access, "moderate") ? Prisma.empty : Prisma.sql`AND a.status = 'visible'`;

  const documents: DocumentHit[] =
    query.type !== "annotations" && hasWords && !query.tag
      ? await db.$queryRaw<DocumentHit[]>`
          SELECT d.id, d.title, d.authors, ts_rank_cd(d."searchVector", ${tsQuery}) AS rank,
                 ts_headline('english', d.text, ${tsQuery}, ${HEADLINE}) AS snippet
          FROM "Document" d
          WHERE d."workspaceId" = ${workspaceId} AND d."deletedAt" IS NULL AND d."searchVector" @@ ${tsQuery}
            ${query.author ? Prisma.sql`AND d."createdById" = ${query.author}` : Prisma.empty}
          ORDER BY rank DESC, d."createdAt" DESC LIMIT ${query.limit}`
      : [];

  const annotations: AnnotationHit[] =
    // Asked for annotations alone without words, the latest ones (pickers list them).
    query.type !== "documents" && (hasWords || query.tag || query.author || query.type === "annotations")
      ? await db.$queryRaw<AnnotationHit[]>`
          SELECT a.id, a."documentId", d.title AS "documentTitle", a.quote, a.body, a.tags, a."creatorId", u.name AS "creatorName", a."createdAt",
                 ${hasWords ? Prisma.sql`ts_rank_cd(a."searchVector", ${tsQuery})` : Prisma.sql`0`}::float4 AS rank,
                 ${hasWords ? Prisma.sql`ts_headline('english', a.body || ' — ' || a.quote, ${tsQuery}, ${HEADLINE})` : Prisma.sql`a.body`} AS snippet
          FROM "Annotation" a JOIN "Document" d ON d.id = a."documentId" JOIN "User" u ON u.id = a."creatorId"
          WHERE a."workspaceId" = ${workspaceId} AND a."deletedAt" IS NULL AND d."deletedAt" IS NULL ${visibleOnly}
            ${hasWords ? Prisma.sql`AND a."searchVector" @@ ${tsQuery}` : Prisma.empty}
            ${query.tag ? Prisma.sql`AND a.tags @> ARRAY[${query.tag}]::text[]` : Prisma.empty}
            ${query.author ? Prisma.sql`AND a."creatorId" = ${query.author}` : Prisma.empty}
          ORDER BY rank DESC, a."createdAt" DESC LIMIT ${query.limit}`
      : [];

  return {
    query: query.q,
    documents: documents.map((hit) => ({
      id: hit.id,
      title: hit.title,
      authors: hit.authors,
      rank: Number(hit.rank),
      snippetHtml: snippetHtml(hit.snippet),
    })),
    annotations: annotations.map((hit) => ({
      id: hit.id,
      documentId: hit.documentId,
      documentTitle: hit.documentTitle,
      quote: hit.quote,
      body: hit.body,
      tags: hit.tags,
      creator: { id: hit.creatorId, name: hit.creatorName },
      createdAt: hit.createdAt.toISOString(),
      rank: Number(hit.rank),
      snippetHtml: snippetHtml(hit.snippet),
    })),
  };
}
export type SearchResults = Awaited<ReturnType<typeof searchWorkspace>>;

export function snippetHtml(snippet: string): string {
  const escaped = snippet.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
  return escaped.replaceAll(START, "<mark>").replaceAll(STOP, "</mark>");
}

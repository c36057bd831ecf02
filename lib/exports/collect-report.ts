import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import type { CitationStyle } from "@/lib/citations/references";
import { findDocument } from "@/lib/documents/find-document";
import { locatorsFor, placeOf } from "@/lib/documents/structure/load-structure";
import type { DatePrecision } from "@/lib/documents/published-date";
import { readProvenance, type Provenance } from "./provenance";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import { visibleItemWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import { findCollection } from "@/lib/collections/find-collection";

export type ReportReply = {
  id: string;
  parentId: string | null;
  author: string;
  authorId: string;
  stance: string;
  body: string;
  bodyHtml: string | null;
  status: string;
  createdAt: string;
  importedFrom: Provenance | null;
  replies: ReportReply[];
};
export type ReportAnnotation = {
  id: string;
  documentId: string;
  quote: string;
  // On a web source: the selectors as received (there is no text to count offsets in).
  webSelectors?: unknown;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  // Where its start is in the current text (none for an orphan): lib/documents/structure/place.ts.
  page: number | null;
  section: string[];
  // "orphaned": the quote is no longer in the current text; it is quoted from anchoredVersion.
  anchorStatus: "anchored" | "moved" | "orphaned";
  anchoredVersion: number;
  body: string;
  bodyHtml: string | null;
  tags: string[];
  color: string | null;
  creator: { id: string; name: string };
  status: string;
  resolution: { summary: string; resolvedAt: string } | null;
  createdAt: string;
  updatedAt: string;
  importedFrom: Provenance | null;
  replies: ReportReply[];
};
export type ReportDocument = {
  id: string;
  title: string;
  authors: string[];
  publishedAt: string | null;
  publishedPrecision: DatePrecision;
  sourceUrl: string | null;
  // A web source (lib/web-sources) has no text; its passages keep the selectors they came with.
  kind?: "document" | "webSource";
  version: number;
  text: string;
  annotations: ReportAnnotation[];
};
export type ReportLink = {
  id: string;
  fromAnnotationId: string;
  toAnnotationId: string;
  relation: string;
  rationale: string;
  rationaleHtml: string;
  creator: string;
  creatorId: string;
  status: string;
  createdAt: string;
  importedFrom: Provenance | null;
  replies: ReportReply[];
};
export type ReportCollection = {
  id: string;
  title: string;
  description: string;
  items: { type: "annotation" | "link"; id: string; note: string }[];
};
// A claim with the passages placed under it (only passages the report holds).
export type ReportClaim = {
  id: string;
  title: string;
  description: string;
  passages: { annotationId: string; stance: string }[];
};
export type Report = {
  title: string;
  // The style of the bibliography that ends a report (md, html, pdf); APA when not chosen.
  citationStyle?: CitationStyle;
  workspaceId: string;
  scope: ReportScope;
  generatedAt: string;
  includesHidden: boolean;
  documents: ReportDocument[];
  links: ReportLink[];
  claims: ReportClaim[];
  collection?: ReportCollection;
};

export type ReportScope =
  { kind: "workspace"; id: string } | { kind: "document"; id: string } | { kind: "collection"; id: string };

// Who may export what: the workspace's export permission, found from the scope.
export async function authorizeReportScope(actor: Actor, scope: ReportScope) {
  if (scope.kind === "workspace")
    return { access: await authorizeWorkspace(actor, scope.id, "export"), documentFilter: {}, collection: undefined };
  if (scope.kind === "document")
    return {
      access: (await findDocument(actor, scope.id, "export")).access,
      documentFilter: { id: scope.id },
      collection: undefined,
    };
  const collection = await findCollection(actor, scope.id, "export");
  return { access: collection.access, documentFilter: {}, collection };
}

// Everything a report shows, as the actor may see it: hidden items only for moderators
// (and marked), pending ones also for their authors. Threads come back as trees. A
// collection's report holds its items (and the passages its links join), in its order.
export async function collectReport(actor: Actor, scope: ReportScope): Promise<Report> {
  const { access, documentFilter, collection } = await authorizeReportScope(actor, scope);
  const workspace = access.workspace;
  const canModerate = can(access, "moderate");
  const visible = <Field extends string>(authorField: Field) => visibleItemWhere(authorField, actor?.id, canModerate);
  const chosenLinks = collection?.items.filter((item) => item.linkId).map((item) => item.linkId!);
  const chosenLinkEnds = chosenLinks?.length
    ? (
        await db.passageLink.findMany({
          where: { id: { in: chosenLinks } },
          select: { fromAnnotationId: true, toAnnotationId: true },
        })
      ).flatMap((link) => [link.fromAnnotationId, link.toAnnotationId])
    : [];
  const chosenAnnotations = collection && [
    ...collection.items.filter((item) => item.annotationId).map((item) => item.annotationId!),
    ...chosenLinkEnds,
  ];
  const documents = await db.document.findMany({
    where: { workspaceId: workspace.id, deletedAt: null, ...documentFilter },
    orderBy: { createdAt: "asc" },
  });
  const documentIds = documents.map((document) => document.id);
  const annotations = await db.annotation.findMany({
    where: {
      documentId: { in: documentIds },
      deletedAt: null,
      ...visible("creatorId"),
      ...(chosenAnnotations ? { id: { in: chosenAnnotations } } : {}),
    },
    include: { creator: { select: { id: true, name: true } } },
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { end: "desc" }],
  });
  const annotationIds = new Set(annotations.map((annotation) => annotation.id));
  // A link is reported with both of its passages (which are visible to the actor, above).
  const links = (
    await db.passageLink.findMany({
      where: {
        workspaceId: workspace.id,
        deletedAt: null,
        ...visible("creatorId"),
        ...(chosenLinks ? { id: { in: chosenLinks } } : {}),
      },
      include: { creator: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    })
  ).filter((link) => annotationIds.has(link.fromAnnotationId) && annotationIds.has(link.toAnnotationId));
  const linkIds = links.map((link) => link.id);
  const replies = await db.reply.findMany({
    where: {
      deletedAt: null,
      AND: [
        visible("authorId"),
        { OR: [{ annotationId: { in: Array.from(annotationIds) } }, { linkId: { in: linkIds } }] },
      ],
    },
    include: { author: { select: { name: true } } },
    orderBy: { sequence: "asc" },
  });
  const trees = replyTrees(replies);
  const annotated = new Set(annotations.map((annotation) => annotation.documentId));
  const locators = await locatorsFor(documents.filter((document) => annotated.has(document.id)));
  // Claims are the workspace's argument structure: reported with the passages the report holds.
  const claims = collection
    ? []
    : (
        await db.claim.findMany({
          where: { workspaceId: workspace.id, passages: { some: { annotationId: { in: Array.from(annotationIds) } } } },
          include: {
            passages: { where: { annotationId: { in: Array.from(annotationIds) } }, orderBy: { createdAt: "asc" } },
          },
          orderBy: { createdAt: "asc" },
        })
      ).map((claim) => ({
        id: claim.id,
        title: claim.title,
        description: claim.description,
        passages: claim.passages.map((passage) => ({ annotationId: passage.annotationId, stance: passage.stance })),
      }));
  return {
    title: collection?.title ?? (scope.kind === "workspace" ? workspace.name : (documents[0]?.title ?? workspace.name)),
    workspaceId: workspace.id,
    scope,
    generatedAt: new Date().toISOString(),
    includesHidden: canModerate,
    documents: documents.map((document) => ({
      id: document.id,
      title: document.title,
      authors: document.authors,
      publishedAt: document.publishedAt?.toISOString() ?? null,
      publishedPrecision: document.publishedPrecision,
      sourceUrl: document.sourceUrl,
      kind: document.kind,
      version: document.version,
      text: document.text,
      // Orphans last: their offsets belong to an older version of the text.
      annotations: annotations
        .filter((annotation) => annotation.documentId === document.id)
        .sort((a, b) => Number(a.anchorStatus === "orphaned") - Number(b.anchorStatus === "orphaned"))
        .map((annotation) => ({
          id: annotation.id,
          documentId: annotation.documentId,
          quote: annotation.quote,
          ...(document.kind === "webSource" ? { webSelectors: annotation.selectors } : {}),
          prefix: annotation.prefix,
          suffix: annotation.suffix,
          start: annotation.start,
          end: annotation.end,
          ...placeOf(locators, annotation),
          anchorStatus: annotation.anchorStatus,
          anchoredVersion: annotation.anchoredVersion,
          resolution: annotation.resolvedAt
            ? { summary: annotation.resolutionSummary ?? "", resolvedAt: annotation.resolvedAt.toISOString() }
            : null,
          body: annotation.body,
          bodyHtml: annotation.bodyHtml,
          tags: annotation.tags,
          color: annotation.color,
          creator: annotation.creator,
          status: annotation.status,
          createdAt: annotation.createdAt.toISOString(),
          updatedAt: annotation.updatedAt.toISOString(),
          importedFrom: readProvenance(annotation.importedFrom),
          replies: trees.get(annotation.id) ?? [],
        })),
    })),
    links: links.map((link) => ({
      id: link.id,
      fromAnnotationId: link.fromAnnotationId,
      toAnnotationId: link.toAnnotationId,
      relation: link.relation,
      rationale: link.rationale,
      rationaleHtml: link.rationaleHtml ?? renderMarkdown(link.rationale),
      creator: link.creator.name,
      creatorId: link.creatorId,
      status: link.status,
      createdAt: link.createdAt.toISOString(),
      importedFrom: readProvenance(link.importedFrom),
      replies: trees.get(link.id) ?? [],
    })),
    claims,
    ...(collection
      ? {
          collection: {
            id: collection.id,
            title: collection.title,
            description: collection.description,
            items: collection.items.map((item) =>
              item.annotationId
                ? { type: "annotation" as const, id: item.annotationId, note: item.note }
                : { type: "link" as const, id: item.linkId!, note: item.note },
            ),
          },
        }
      : {}),
  };
}

type ReplyRow = Prisma.ReplyGetPayload<{ include: { author: { select: { name: true } } } }>;

// Replies grouped by their thread (annotation or link), nested under their parents.
function replyTrees(rows: ReplyRow[]): Map<string, ReportReply[]> {
  const nodes = new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        parentId: row.parentId,
        author: row.author.name,
        authorId: row.authorId,
        stance: row.stance,
        body: row.body,
        bodyHtml: row.bodyHtml,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
        importedFrom: readProvenance(row.importedFrom),
        replies: [] as ReportReply[],
      },
    ]),
  );
  const threads = new Map<string, ReportReply[]>();
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else {
      const thread = (row.annotationId ?? row.linkId)!;
      threads.set(thread, [...(threads.get(thread) ?? []), node]);
    }
  }
  return threads;
}

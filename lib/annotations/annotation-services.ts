import "server-only";
import { resolveSelectors } from "@/lib/anchoring/resolve-selectors";
import { db } from "@/lib/db";
import { renderMarkdownInPool } from "@/lib/markdown/render-in-pool";
import { authorizeDocument } from "@/lib/documents/find-document";
import { loadLocators, placeOf } from "@/lib/documents/structure/load-structure";
import { AppError } from "@/lib/errors";
import { audienceOf, publishEvent, type LiveEvent } from "@/lib/live/events";
import { type Actor, authorizeWorkspace, signedIn } from "@/lib/policies/authorize-workspace";
import {
  canSeeItem,
  type ItemStatus,
  visibleItemSql,
  visibleItemWhere,
  visiblePassageWhere,
} from "@/lib/policies/item-visibility";
import { can, initialStatus } from "@/lib/policies/workspace-policy";
import type { CreateAnnotationInput, UpdateAnnotationInput } from "@/lib/validations/annotation";
import { notifyAnnotation, notifyNewMentions } from "@/lib/notifications/notify-events";
import { mentionsIn } from "@/lib/threads/workspace-mentions";
import { annotationInclude, CREATOR_SELECT, presentAnnotation } from "./presenters";

// W3C motivation: a bare highlight, or a comment when there is a body.
const motivationFor = (body: string) => (body.trim() ? "commenting" : "highlighting");

// `w3c`: what a Web Annotation Protocol client sent besides (lib/w3c): its canonical IRI and its id.
export async function createAnnotation(
  actor: Actor,
  documentId: string,
  input: CreateAnnotationInput,
  w3c: { canonical?: string | null; via?: string | null } = {},
) {
  const { access, document: found } = await authorizeDocument(actor, documentId, "annotate");
  const author = signedIn(actor);
  const { mentionedIds, mentionLinks } = await mentionsIn(input.body, found.workspaceId);
  const bodyHtml = await renderMarkdownInPool(input.body, { mentionLinks });
  // The selectors are resolved against the text as it is inside the writing transaction, with
  // the document's row share-locked: a new revision (which updates that row) either commits
  // first, and the passage is found in its text, or waits, and re-anchors this annotation
  // with the rest. Never stored against a text it was not made on.
  const annotation = await db.$transaction(async (transaction) => {
    const [document] = await transaction.$queryRaw<{ text: string; version: number; workspaceId: string }[]>`
      SELECT text, version, "workspaceId" FROM "Document" WHERE id = ${documentId} AND "deletedAt" IS NULL FOR SHARE`;
    if (!document) throw new AppError("not_found", "Document not found.");
    const anchor = resolveSelectors(document.text, input.selectors);
    if (!anchor) {
      throw new AppError(
        "unprocessable",
        "The selected passage was not found in the document's current text. Reload the document and select it again.",
        { selectors: ["No passage matches these selectors."] },
      );
    }
    const created = await transaction.annotation.create({
      data: {
        workspaceId: document.workspaceId,
        documentId,
        creatorId: author.id,
        motivation: motivationFor(input.body),
        selectors: anchor.selectors,
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        anchoredVersion: document.version,
        body: input.body,
        bodyHtml,
        tags: input.tags,
        color: input.color ?? null,
        status: initialStatus(access),
        canonical: w3c.canonical ?? null,
        via: w3c.via ?? null,
      },
      include: annotationInclude(author.id, can(access, "moderate")),
    });
    await announce(created, "annotation.created", transaction);
    await notifyAnnotation(transaction, created, mentionedIds);
    return created;
  });
  return presentAnnotation(annotation, await placeOfAnnotation(annotation));
}

// In the writing transaction: the change and its event (logged for replay) commit together.
const announce = (
  annotation: { id: string; workspaceId: string; documentId: string; status: ItemStatus; creatorId: string },
  type: LiveEvent["type"],
  transaction: Parameters<typeof publishEvent>[1],
) =>
  publishEvent(
    {
      workspaceId: annotation.workspaceId,
      documentIds: [annotation.documentId],
      type,
      id: annotation.id,
      audience: audienceOf({ status: annotation.status, authorId: annotation.creatorId }),
    },
    transaction,
  );

// The page and heading path of one annotation, in its document's current text.
export const placeOfAnnotation = async (annotation: { documentId: string; start: number; anchorStatus: string }) =>
  placeOf(await loadLocators([annotation.documentId]), annotation);

export type AnnotationFilters = { tag?: string; creator?: string; anchorStatus?: "anchored" | "moved" | "orphaned" };

// Which annotations of a document the viewer sees: hidden ones only if they moderate,
// pending ones (pre-moderation) also if they wrote them.
function visibleWhere(
  documentId: string,
  canModerate: boolean,
  viewerId: string | undefined,
  filters: AnnotationFilters = {},
) {
  return {
    documentId,
    deletedAt: null,
    ...visibleItemWhere("creatorId", viewerId, canModerate),
    ...(filters.tag ? { tags: { has: filters.tag } } : {}),
    ...(filters.creator ? { creatorId: filters.creator } : {}),
    ...(filters.anchorStatus ? { anchorStatus: filters.anchorStatus } : {}),
  };
}

// Every live annotation of a document in reading order, with its reply count and the stances
// taken in its thread; with a limit, one page of them and the cursor of the next (null at the end).
export async function listAnnotationPage(
  actor: Actor,
  documentId: string,
  filters: AnnotationFilters & { limit?: number; cursor?: string } = {},
) {
  const { access } = await authorizeDocument(actor, documentId, "read");
  const canModerate = can(access, "moderate");
  const { limit, cursor, ...where } = filters;
  const skip = cursor ? Number(cursor) : 0;
  const rows = await db.annotation.findMany({
    where: visibleWhere(documentId, canModerate, actor?.id, where),
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    include: { creator: CREATOR_SELECT },
    ...(limit ? { skip, take: limit + 1 } : {}),
  });
  const hasMore = Boolean(limit && rows.length > limit);
  const page = hasMore ? rows.slice(0, limit) : rows;
  const ids = page.map((row) => row.id);
  // From the page's annotations to their replies (by index), in one grouped pass.
  const [stanceRows, locators] = await Promise.all([
    ids.length
      ? db.$queryRaw<{ annotationId: string; stance: string; count: bigint }[]>`
      SELECT r."annotationId", r.stance::text AS stance, count(*) AS count
      FROM "Reply" r
      WHERE r."annotationId" = ANY(${ids}::text[]) AND r."deletedAt" IS NULL
        AND ${visibleItemSql("r", "authorId", actor?.id, canModerate)}
      GROUP BY r."annotationId", r.stance`
      : [],
    loadLocators([documentId]),
  ]);
  const threads = new Map<string, { count: number; stances: string[] }>();
  for (const row of stanceRows) {
    const thread =
      threads.get(row.annotationId) ?? threads.set(row.annotationId, { count: 0, stances: [] }).get(row.annotationId)!;
    thread.count += Number(row.count);
    thread.stances.push(row.stance);
  }
  const items = page.map((row) => {
    const thread = threads.get(row.id);
    return {
      ...presentAnnotation({ ...row, _count: { replies: thread?.count ?? 0 } }, placeOf(locators, row)),
      replyStances: thread?.stances ?? [],
    };
  });
  return { items, nextCursor: hasMore ? String(skip + limit!) : null };
}

export async function listAnnotations(actor: Actor, documentId: string, filters: AnnotationFilters = {}) {
  return (await listAnnotationPage(actor, documentId, filters)).items;
}
export type ListedAnnotation = Awaited<ReturnType<typeof listAnnotations>>[number];

// Just the anchors, for drawing highlights: cheap even for thousands of annotations.
// The caller has authorized reading the document.
export async function listAnchors(documentId: string, canModerate: boolean, viewerId?: string) {
  return db.annotation.findMany({
    where: { ...visibleWhere(documentId, canModerate, viewerId), anchorStatus: { not: "orphaned" } },
    select: { id: true, start: true, end: true, color: true },
    orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
  });
}

export async function findAnnotation(actor: Actor, annotationId: string) {
  const annotation = await db.annotation.findFirst({
    where: { id: annotationId, deletedAt: null },
    include: { creator: CREATOR_SELECT },
  });
  if (!annotation) throw new AppError("not_found", "Annotation not found.");
  const access = await authorizeWorkspace(actor, annotation.workspaceId, "read");
  if (!canSeeItem(annotation.status, annotation.creatorId, actor?.id, can(access, "moderate")))
    throw new AppError("not_found", "Annotation not found.");
  return { annotation, access };
}

export async function getAnnotation(actor: Actor, annotationId: string) {
  const { annotation, access } = await findAnnotation(actor, annotationId);
  // Its reply count is the thread as this person sees it.
  const replies = await db.reply.count({
    where: { annotationId, deletedAt: null, ...visibleItemWhere("authorId", actor?.id, can(access, "moderate")) },
  });
  return presentAnnotation({ ...annotation, _count: { replies } }, await placeOfAnnotation(annotation));
}

// Authors change their own annotations; moderators can change anyone's.
async function findChangeable(actor: Actor, annotationId: string) {
  const found = await findAnnotation(actor, annotationId);
  const isOwn = found.annotation.creatorId === actor?.id && can(found.access, "annotate");
  if (!isOwn && !can(found.access, "moderate")) {
    if (!actor) throw new AppError("unauthenticated", "Sign in to do this.");
    throw new AppError("forbidden", "You can only change your own annotations.");
  }
  return found;
}

export async function updateAnnotation(
  actor: Actor,
  annotationId: string,
  { version, ...changes }: UpdateAnnotationInput,
) {
  const { annotation } = await findChangeable(actor, annotationId);
  const body = changes.body ?? annotation.body;
  const { mentionLinks, mentionedIds } = await mentionsIn(body, annotation.workspaceId);
  const before =
    body === annotation.body ? mentionedIds : (await mentionsIn(annotation.body, annotation.workspaceId)).mentionedIds;
  const bodyHtml = await renderMarkdownInPool(body, { mentionLinks });
  await db.$transaction(async (transaction) => {
    const updated = await transaction.annotation.updateManyAndReturn({
      where: { id: annotationId, version, deletedAt: null },
      data: { ...changes, bodyHtml, motivation: motivationFor(body), version: { increment: 1 } },
    });
    if (!updated.length)
      throw new AppError("conflict", "This annotation has changed since you loaded it. Reload and try again.");
    await announce(annotation, "annotation.updated", transaction);
    await notifyNewMentions(
      transaction,
      {
        kind: "annotation",
        id: annotationId,
        workspaceId: annotation.workspaceId,
        // Whoever edited (the author, or a moderator) is the one who names them.
        authorId: signedIn(actor).id,
        documentId: annotation.documentId,
        annotationId,
        bodyHtml,
      },
      mentionedIds.filter((id) => !before.includes(id)),
    );
  });
  return getAnnotation(actor, annotationId);
}

export async function deleteAnnotation(actor: Actor, annotationId: string) {
  const { annotation } = await findChangeable(actor, annotationId);
  await db.$transaction(async (transaction) => {
    await transaction.annotation.update({ where: { id: annotationId }, data: { deletedAt: new Date() } });
    await announce(annotation, "annotation.deleted", transaction);
  });
}

// Tags in use in a workspace on the passages this person sees, most used first (for autocomplete).
export async function listWorkspaceTags(actor: Actor, workspaceId: string, limit = 200): Promise<string[]> {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const rows = await db.$queryRaw<{ tag: string }[]>`
    SELECT tag FROM "Annotation" a JOIN "Document" d ON d.id = a."documentId", unnest(a.tags) AS tag
    WHERE a."workspaceId" = ${workspaceId} AND a."deletedAt" IS NULL AND d."deletedAt" IS NULL
      AND ${visibleItemSql("a", "creatorId", actor?.id, can(access, "moderate"))}
    GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${limit}`;
  return rows.map((row) => row.tag);
}

// People who wrote passages this person sees in a workspace (for the search filter).
export async function listWorkspaceAuthors(actor: Actor, workspaceId: string) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  return db.user.findMany({
    where: {
      annotations: {
        some: { workspaceId, deletedAt: null, ...visibleItemWhere("creatorId", actor?.id, can(access, "moderate")) },
      },
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

// Threads moderators featured, for the workspace home (as this person sees them).
export async function listFeaturedThreads(actor: Actor, workspaceId: string) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const canModerate = can(access, "moderate");
  const rows = await db.annotation.findMany({
    where: {
      workspaceId,
      featuredAt: { not: null },
      ...visiblePassageWhere(actor?.id, canModerate),
    },
    include: { ...annotationInclude(actor?.id, canModerate), document: { select: { title: true } } },
    orderBy: { featuredAt: "desc" },
    take: 12,
  });
  const locators = await loadLocators(rows.map((row) => row.documentId));
  return rows.map((row) => ({ ...presentAnnotation(row, placeOf(locators, row)), documentTitle: row.document.title }));
}

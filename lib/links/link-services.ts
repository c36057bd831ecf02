import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { audienceOf, publishEvent } from "@/lib/live/events";
import { renderMarkdownInPool } from "@/lib/markdown/render-in-pool";
import { authorizeDocument } from "@/lib/documents/find-document";
import { type Actor, authorizeWorkspace, signedIn } from "@/lib/policies/authorize-workspace";
import { canSeeItem, type ItemStatus, visibleLinkWhere } from "@/lib/policies/item-visibility";
import { can, initialStatus } from "@/lib/policies/workspace-policy";
import { findThreadSubject } from "@/lib/threads/thread-subject";
import type { CreateLinkInput, LinkRelation } from "@/lib/validations/debate";
import { notifyLink } from "@/lib/notifications/notify-events";
import { duplicateLinkError, findDuplicateLink } from "./duplicate-links";
import { linkInclude, presentLink } from "./presenters";

export async function createLink(actor: Actor, input: CreateLinkInput) {
  if (input.fromAnnotationId === input.toAnnotationId) {
    throw new AppError("unprocessable", "A passage cannot be linked to itself.", {
      toAnnotationId: ["Pick another passage."],
    });
  }
  const ends = await db.annotation.findMany({
    where: { id: { in: [input.fromAnnotationId, input.toAnnotationId] }, deletedAt: null },
    select: {
      id: true,
      workspaceId: true,
      documentId: true,
      status: true,
      creatorId: true,
      start: true,
      end: true,
    },
  });
  const from = ends.find((end) => end.id === input.fromAnnotationId);
  const to = ends.find((end) => end.id === input.toAnnotationId);
  if (!from) throw new AppError("not_found", "The passage to link from was not found.");
  const access = await authorizeWorkspace(actor, from.workspaceId, "link");
  const sees = (end: { status: ItemStatus; creatorId: string }) =>
    canSeeItem(end.status, end.creatorId, actor?.id, can(access, "moderate"));
  if (!sees(from)) throw new AppError("not_found", "The passage to link from was not found.");
  // A passage in another workspace (or one this person may not see) is, from here, simply not found.
  if (!to || to.workspaceId !== from.workspaceId || !sees(to)) {
    throw new AppError("unprocessable", "The passage to link to was not found in this workspace.", {
      toAnnotationId: ["Not a passage in this workspace."],
    });
  }
  if (!input.allowDuplicate) {
    const viewer = { id: actor?.id, canModerate: can(access, "moderate") };
    const duplicate = await findDuplicateLink(viewer, from.workspaceId, input.relation, from, to);
    if (duplicate) throw duplicateLinkError(duplicate.id, input.relation);
  }
  const rationaleHtml = await renderMarkdownInPool(input.rationale);
  try {
    const link = await db.$transaction(async (transaction) => {
      const created = await transaction.passageLink.create({
        data: {
          workspaceId: from.workspaceId,
          fromAnnotationId: from.id,
          toAnnotationId: to.id,
          relation: input.relation,
          rationale: input.rationale,
          rationaleHtml,
          creatorId: signedIn(actor).id,
          status: initialStatus(access),
        },
        include: linkInclude(actor?.id, can(access, "moderate")),
      });
      await publishEvent(
        {
          workspaceId: from.workspaceId,
          documentIds: [...new Set([from.documentId, to.documentId])],
          type: "link.created",
          id: created.id,
          audience: audienceOf({ status: created.status, authorId: created.creatorId }),
        },
        transaction,
      );
      await notifyLink(transaction, created, from, to);
      return created;
    });
    return presentLink(link);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `These passages are already linked as "${input.relation}".`);
    }
    throw error;
  }
}

export async function getLink(actor: Actor, linkId: string) {
  const found = await findThreadSubject(actor, { kind: "link", id: linkId }, "read");
  const link = await db.passageLink.findFirst({
    where: { id: linkId, ...visibleLinkWhere(actor?.id, found.canModerate) },
    include: linkInclude(actor?.id, found.canModerate),
  });
  if (!link) throw new AppError("not_found", "Link not found.");
  return presentLink(link);
}

// The creator or a moderator removes a link (with its thread).
export async function deleteLink(actor: Actor, linkId: string) {
  const found = await findThreadSubject(actor, { kind: "link", id: linkId }, "read");
  const link = await db.passageLink.findUniqueOrThrow({
    where: { id: linkId },
    select: { creatorId: true, status: true },
  });
  const isOwn = link.creatorId === actor?.id && can(found.access, "link");
  if (!isOwn && !found.canModerate) {
    if (!actor) throw new AppError("unauthenticated", "Sign in to do this.");
    throw new AppError("forbidden", "You can only remove links you made.");
  }
  await db.$transaction(async (transaction) => {
    await transaction.passageLink.update({ where: { id: linkId }, data: { deletedAt: new Date() } });
    await publishEvent(
      {
        workspaceId: found.workspaceId,
        documentIds: found.documentIds,
        type: "link.deleted",
        id: linkId,
        audience: audienceOf({ status: link.status, authorId: link.creatorId }),
      },
      transaction,
    );
  });
}

export async function listAnnotationLinks(actor: Actor, annotationId: string) {
  const found = await findThreadSubject(actor, { kind: "annotation", id: annotationId }, "read");
  const links = await db.passageLink.findMany({
    where: {
      AND: [
        visibleLinkWhere(actor?.id, found.canModerate),
        { OR: [{ fromAnnotationId: annotationId }, { toAnnotationId: annotationId }] },
      ],
    },
    include: linkInclude(actor?.id, found.canModerate),
    orderBy: { createdAt: "asc" },
  });
  return links.map(presentLink);
}

// Links touching a document (either end), for the reader's badges and the compare view.
export async function listDocumentLinks(actor: Actor, documentId: string) {
  const { access } = await authorizeDocument(actor, documentId, "read");
  const links = await db.passageLink.findMany({
    where: {
      AND: [
        visibleLinkWhere(actor?.id, can(access, "moderate")),
        { OR: [{ from: { documentId } }, { to: { documentId } }] },
      ],
    },
    include: linkInclude(actor?.id, can(access, "moderate")),
    orderBy: { createdAt: "asc" },
  });
  return links.map(presentLink);
}

export async function listWorkspaceLinks(
  actor: Actor,
  workspaceId: string,
  filters: { relation?: LinkRelation; documentId?: string; limit: number },
) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const links = await db.passageLink.findMany({
    where: {
      workspaceId,
      ...(filters.relation ? { relation: filters.relation } : {}),
      AND: [
        visibleLinkWhere(actor?.id, can(access, "moderate")),
        filters.documentId
          ? { OR: [{ from: { documentId: filters.documentId } }, { to: { documentId: filters.documentId } }] }
          : {},
      ],
    },
    include: linkInclude(actor?.id, can(access, "moderate")),
    orderBy: { createdAt: "asc" },
    take: filters.limit,
  });
  return links.map(presentLink);
}

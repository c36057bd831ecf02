import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { audienceOf, publishEvent } from "@/lib/live/events";
import { renderMarkdownInPool } from "@/lib/markdown/render-in-pool";
import { findAnnotation, placeOfAnnotation } from "@/lib/annotations/annotation-services";
import { presentAnnotation } from "@/lib/annotations/presenters";
import { type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import { canSeeItem, visibleItemSql, visibleItemWhere } from "@/lib/policies/item-visibility";
import { can, initialStatus } from "@/lib/policies/workspace-policy";
import type { CreateReplyInput, UpdateReplyInput } from "@/lib/validations/debate";
import { notifyNewMentions, notifyReply } from "@/lib/notifications/notify-events";
import { mentionsIn } from "./workspace-mentions";
import {
  buildReplyTree,
  presentReply,
  REPLY_INCLUDE,
  type ReplyNode,
  type ReplyRow,
  type VoteTally,
} from "./presenters";
import { findThreadSubject, subjectWhere, type ThreadSubject } from "./thread-subject";

export async function createReply(actor: Actor, subject: ThreadSubject, input: CreateReplyInput) {
  const found = await findThreadSubject(actor, subject, "reply");
  const author = signedIn(actor);
  if (found.lockedAt)
    throw new AppError("conflict", "This thread is locked: a moderator has closed it to new replies.");
  if (input.parentId) {
    const parent = await db.reply.findFirst({
      where: {
        id: input.parentId,
        ...subjectWhere(subject),
        deletedAt: null,
        ...visibleItemWhere("authorId", author.id, found.canModerate),
      },
      select: { id: true },
    });
    if (!parent)
      throw new AppError("unprocessable", "The reply you are answering is not in this thread.", {
        parentId: ["Not a reply in this thread."],
      });
  }
  const { mentionedIds, mentionLinks } = await mentionsIn(input.body, found.workspaceId);
  const bodyHtml = await renderMarkdownInPool(input.body, { mentionLinks });
  const reply = await db.$transaction(async (transaction) => {
    const created = await transaction.reply.create({
      data: {
        workspaceId: found.workspaceId,
        ...subjectWhere(subject),
        parentId: input.parentId ?? null,
        authorId: author.id,
        body: input.body,
        bodyHtml,
        mentionedIds,
        stance: input.stance,
        status: initialStatus(found.access),
      },
      include: REPLY_INCLUDE,
    });
    await publishEvent(
      {
        workspaceId: found.workspaceId,
        documentIds: found.documentIds,
        type: "reply.created",
        id: created.id,
        threadId: subject.id,
        audience: audienceOf(created),
      },
      transaction,
    );
    await notifyReply(transaction, created, found.documentIds);
    return created;
  });
  return presentReply(reply);
}

// Authors edit their own replies; the previous body is kept as history.
export async function updateReply(actor: Actor, replyId: string, { version, ...changes }: UpdateReplyInput) {
  const reply = await db.reply.findFirst({ where: { id: replyId, deletedAt: null } });
  if (!reply) throw new AppError("not_found", "Reply not found.");
  const subject: ThreadSubject = reply.annotationId
    ? { kind: "annotation", id: reply.annotationId }
    : { kind: "link", id: reply.linkId! };
  const found = await findThreadSubject(actor, subject, "reply");
  if (!canSeeItem(reply.status, reply.authorId, actor?.id, found.canModerate))
    throw new AppError("not_found", "Reply not found.");
  if (reply.authorId !== actor?.id) throw new AppError("forbidden", "You can only edit your own replies.");
  if (found.lockedAt) throw new AppError("conflict", "This thread is locked: replies can no longer be edited.");
  const body = changes.body ?? reply.body;
  const mentions = await mentionsIn(body, found.workspaceId);
  const mentionedIds = changes.body ? mentions.mentionedIds : reply.mentionedIds;
  const bodyHtml = await renderMarkdownInPool(body, { mentionLinks: mentions.mentionLinks });
  const updated = await db.$transaction(async (transaction) => {
    const rows = await transaction.reply.updateManyAndReturn({
      where: { id: replyId, version },
      data: {
        body,
        bodyHtml,
        mentionedIds,
        stance: changes.stance ?? reply.stance,
        version: { increment: 1 },
      },
    });
    if (!rows.length)
      throw new AppError("conflict", "This reply has changed since you loaded it. Reload and try again.");
    if (changes.body && changes.body !== reply.body)
      await transaction.replyEdit.create({ data: { replyId, body: reply.body } });
    await notifyNewMentions(
      transaction,
      { kind: "reply", ...rows[0]!, documentId: found.documentIds[0]! },
      mentionedIds.filter((id) => !reply.mentionedIds.includes(id)),
    );
    await publishEvent(
      {
        workspaceId: found.workspaceId,
        documentIds: found.documentIds,
        type: "reply.updated",
        id: replyId,
        threadId: subject.id,
        audience: audienceOf(rows[0]!),
      },
      transaction,
    );
    return transaction.reply.findUniqueOrThrow({ where: { id: replyId }, include: REPLY_INCLUDE });
  });
  return presentReply(updated, await tallyVotes(actor, [replyId]).then((tallies) => tallies.get(replyId)));
}

// Earlier bodies of a reply, newest first.
export async function listReplyEdits(actor: Actor, replyId: string) {
  const reply = await db.reply.findFirst({
    where: { id: replyId, deletedAt: null },
    select: { annotationId: true, linkId: true, status: true, authorId: true },
  });
  if (!reply) throw new AppError("not_found", "Reply not found.");
  const subject: ThreadSubject = reply.annotationId
    ? { kind: "annotation", id: reply.annotationId }
    : { kind: "link", id: reply.linkId! };
  const found = await findThreadSubject(actor, subject, "read");
  if (!canSeeItem(reply.status, reply.authorId, actor?.id, found.canModerate))
    throw new AppError("not_found", "Reply not found.");
  const edits = await db.replyEdit.findMany({ where: { replyId }, orderBy: { createdAt: "desc" } });
  return edits.map((edit) => ({ body: edit.body, replacedAt: edit.createdAt.toISOString() }));
}

// Up and down votes per reply, and the actor's own, in one grouped query.
export async function tallyVotes(actor: Actor, replyIds: string[]): Promise<Map<string, VoteTally>> {
  if (!replyIds.length) return new Map();
  const rows = await db.$queryRaw<{ replyId: string; up: number; down: number; mine: number }[]>`
    SELECT "replyId", (count(*) FILTER (WHERE value > 0))::int AS up, (count(*) FILTER (WHERE value < 0))::int AS down,
           coalesce(max(value) FILTER (WHERE "userId" = ${actor?.id ?? null}), 0)::int AS mine
    FROM "Vote" WHERE "replyId" = ANY(${replyIds}) GROUP BY "replyId"`;
  return new Map(rows.map((row) => [row.replyId, { up: row.up, down: row.down, mine: row.mine }]));
}

// The presenter's row, flattened as one SQL statement returns it.
type ThreadReplyRow = Omit<ReplyRow, "stance" | "author" | "_count"> & {
  stance: ReplyNode["stance"];
  authorId: string;
  authorName: string;
  edits: number;
  up: number;
  down: number;
  mine: number;
};

// The replies of a thread as a tree, each with its author, edit count and votes, in one
// statement (the thread is the most read thing there is): hidden ones only for
// moderators; pending ones also for their authors. The caller has authorized the subject.
async function listReplies(actor: Actor, subject: ThreadSubject, canModerate: boolean) {
  const actorId = actor?.id ?? null;
  const rows = await db.$queryRaw<ThreadReplyRow[]>`
    SELECT r.id, r."parentId", r.body, r."bodyHtml", r.stance::text AS stance, r.status::text AS status, r."pinnedAt", r.score, r.version, r."importedFrom",
           r."createdAt", r."updatedAt", u.id AS "authorId", u.name AS "authorName",
           (SELECT count(*)::int FROM "ReplyEdit" e WHERE e."replyId" = r.id) AS edits,
           coalesce(v.up, 0)::int AS up, coalesce(v.down, 0)::int AS down, coalesce(v.mine, 0)::int AS mine
    FROM "Reply" r
    JOIN "User" u ON u.id = r."authorId"
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE value > 0) AS up, count(*) FILTER (WHERE value < 0) AS down, max(value) FILTER (WHERE "userId" = ${actorId}) AS mine
      FROM "Vote" WHERE "replyId" = r.id
    ) v ON true
    WHERE ${subject.kind === "annotation" ? Prisma.sql`r."annotationId" = ${subject.id}` : Prisma.sql`r."linkId" = ${subject.id}`}
      AND r."deletedAt" IS NULL
      AND ${visibleItemSql("r", "authorId", actor?.id, canModerate)}
    ORDER BY r.sequence`;
  const replies = rows.map((row) =>
    presentReply(
      { ...row, author: { id: row.authorId, name: row.authorName }, _count: { edits: row.edits } },
      { up: row.up, down: row.down, mine: row.mine },
    ),
  );
  return { replies: buildReplyTree(replies), count: rows.length };
}

export async function listThreadReplies(actor: Actor, subject: ThreadSubject) {
  const found = await findThreadSubject(actor, subject, "read");
  return { locked: found.lockedAt !== null, ...(await listReplies(actor, subject, found.canModerate)) };
}

// GET …/annotations/{id}/thread: the annotation and its replies, authorized once.
export async function getAnnotationThread(actor: Actor, annotationId: string) {
  const { annotation, access } = await findAnnotation(actor, annotationId);
  const thread = await listReplies(actor, { kind: "annotation", id: annotationId }, can(access, "moderate"));
  return {
    annotation: presentAnnotation(
      { ...annotation, _count: { replies: thread.count } },
      await placeOfAnnotation(annotation),
    ),
    locked: annotation.lockedAt !== null,
    ...thread,
  };
}

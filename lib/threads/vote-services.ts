import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishEvent } from "@/lib/live/events";
import { type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import { canSeeItem, type ItemStatus } from "@/lib/policies/item-visibility";
import { notifyVoteMilestone } from "@/lib/notifications/notify-events";
import { findThreadSubject, type ThreadSubject } from "./thread-subject";

export type VoteTarget = { kind: "reply"; id: string } | { kind: "link"; id: string };

// The thread the item belongs to, and who wrote the item; for a reply, its status (a link
// is its own thread, whose visibility findThreadSubject checks).
async function subjectOf(
  target: VoteTarget,
): Promise<{ subject: ThreadSubject; authorId: string | null; replyStatus?: ItemStatus }> {
  if (target.kind === "link") {
    const link = await db.passageLink.findUnique({ where: { id: target.id }, select: { creatorId: true } });
    return { subject: target, authorId: link?.creatorId ?? null };
  }
  const reply = await db.reply.findFirst({
    where: { id: target.id, deletedAt: null },
    select: { annotationId: true, linkId: true, status: true, authorId: true },
  });
  if (!reply) throw new AppError("not_found", "Reply not found.");
  return {
    subject: reply.annotationId ? { kind: "annotation", id: reply.annotationId } : { kind: "link", id: reply.linkId! },
    authorId: reply.authorId,
    replyStatus: reply.status,
  };
}

// One vote per member and item: 1 or -1 replaces the previous vote, 0 takes it back.
// The stored score is recounted in the same transaction, so concurrent votes never drift.
export async function castVote(actor: Actor, target: VoteTarget, value: 1 | -1 | 0) {
  const { subject, authorId, replyStatus } = await subjectOf(target);
  const found = await findThreadSubject(actor, subject, "vote");
  const userId = signedIn(actor).id;
  if (replyStatus && !canSeeItem(replyStatus, authorId!, userId, found.canModerate))
    throw new AppError("not_found", "Reply not found.");
  // A score says what others think of it: nobody votes on what they wrote.
  if (authorId === userId)
    throw new AppError("forbidden", `You cannot vote on your own ${target.kind === "reply" ? "reply" : "link"}.`);
  const key = target.kind === "reply" ? { replyId: target.id } : { linkId: target.id };
  return db.$transaction(async (transaction) => {
    // Votes on one item take turns, so each recount sees every committed vote.
    if (target.kind === "reply") await transaction.$queryRaw`SELECT 1 FROM "Reply" WHERE id = ${target.id} FOR UPDATE`;
    else await transaction.$queryRaw`SELECT 1 FROM "PassageLink" WHERE id = ${target.id} FOR UPDATE`;
    if (value === 0) await transaction.vote.deleteMany({ where: { userId, ...key } });
    else if (target.kind === "reply") {
      await transaction.vote.upsert({
        where: { userId_replyId: { userId, replyId: target.id } },
        create: { userId, replyId: target.id, value },
        update: { value },
      });
    } else {
      await transaction.vote.upsert({
        where: { userId_linkId: { userId, linkId: target.id } },
        create: { userId, linkId: target.id, value },
        update: { value },
      });
    }
    // Recount and store the score in one statement (the row lock above keeps votes on this item in turn).
    const [counts] =
      target.kind === "reply"
        ? await transaction.$queryRaw<{ up: number; down: number }[]>`
            UPDATE "Reply" SET score = c.up - c.down
            FROM (SELECT (count(*) FILTER (WHERE value > 0))::int AS up, (count(*) FILTER (WHERE value < 0))::int AS down FROM "Vote" WHERE "replyId" = ${target.id}) c
            WHERE id = ${target.id} RETURNING c.up, c.down`
        : await transaction.$queryRaw<{ up: number; down: number }[]>`
            UPDATE "PassageLink" SET score = c.up - c.down
            FROM (SELECT (count(*) FILTER (WHERE value > 0))::int AS up, (count(*) FILTER (WHERE value < 0))::int AS down FROM "Vote" WHERE "linkId" = ${target.id}) c
            WHERE id = ${target.id} RETURNING c.up, c.down`;
    const { up, down } = counts!;
    if (value === 1 && authorId)
      await notifyVoteMilestone(
        transaction,
        { voterId: userId, workspaceId: found.workspaceId, up, documentIds: found.documentIds },
        target.kind === "reply"
          ? {
              kind: "reply",
              id: target.id,
              authorId,
              annotationId: subject.kind === "annotation" ? subject.id : null,
              linkId: subject.kind === "link" ? subject.id : null,
            }
          : { kind: "link", id: target.id, authorId },
      );
    await publishEvent(
      {
        workspaceId: found.workspaceId,
        documentIds: found.documentIds,
        type: "vote.changed",
        id: target.id,
        threadId: subject.id,
      },
      transaction,
    );
    return { score: up - down, up, down, mine: value };
  });
}

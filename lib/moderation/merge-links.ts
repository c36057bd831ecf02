import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishEvent } from "@/lib/live/events";
import { type Actor, authorizeWorkspace, signedIn } from "@/lib/policies/authorize-workspace";

// Two links between the same passages (in either direction) are one argument: the
// duplicate's replies and votes move to the kept link (a member's vote on the kept
// link wins), the duplicate is removed, and the audit log says why — all or nothing.
export async function mergeLinks(
  actor: Actor,
  duplicateId: string,
  { intoLinkId, reason }: { intoLinkId: string; reason: string },
) {
  if (duplicateId === intoLinkId)
    throw new AppError("unprocessable", "A link cannot be merged into itself.", {
      intoLinkId: ["Pick the link to keep."],
    });
  const links = await db.passageLink.findMany({
    where: { id: { in: [duplicateId, intoLinkId] }, deletedAt: null },
    include: { from: { select: { documentId: true } }, to: { select: { documentId: true } } },
  });
  const duplicate = links.find((link) => link.id === duplicateId);
  const kept = links.find((link) => link.id === intoLinkId);
  if (!duplicate) throw new AppError("not_found", "Link not found.");
  await authorizeWorkspace(actor, duplicate.workspaceId, "moderate");
  const moderator = signedIn(actor);
  if (!kept || kept.workspaceId !== duplicate.workspaceId)
    throw new AppError("unprocessable", "The link to keep is not in this workspace.", {
      intoLinkId: ["Not a link in this workspace."],
    });
  const ends = (link: { fromAnnotationId: string; toAnnotationId: string }) =>
    [link.fromAnnotationId, link.toAnnotationId].sort().join("|");
  if (ends(duplicate) !== ends(kept))
    throw new AppError("unprocessable", "Only links between the same two passages can be merged.", {
      intoLinkId: ["Joins other passages."],
    });
  await db.$transaction(async (transaction) => {
    await transaction.reply.updateMany({ where: { linkId: duplicateId }, data: { linkId: intoLinkId } });
    const keptVoters = (
      await transaction.vote.findMany({ where: { linkId: intoLinkId }, select: { userId: true } })
    ).map((vote) => vote.userId);
    await transaction.vote.deleteMany({ where: { linkId: duplicateId, userId: { in: keptVoters } } });
    await transaction.vote.updateMany({ where: { linkId: duplicateId }, data: { linkId: intoLinkId } });
    await transaction.$executeRaw`UPDATE "PassageLink" SET score = coalesce((SELECT sum(value) FROM "Vote" WHERE "linkId" = ${intoLinkId}), 0), version = version + 1 WHERE id = ${intoLinkId}`;
    await transaction.passageLink.update({
      where: { id: duplicateId },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    await transaction.moderationAction.create({
      data: {
        workspaceId: duplicate.workspaceId,
        actorId: moderator.id,
        targetType: "link",
        targetId: duplicateId,
        action: "merge",
        reason,
        details: { into: intoLinkId },
      },
    });
    const documentIds = Array.from(new Set([duplicate.from.documentId, duplicate.to.documentId]));
    await publishEvent(
      { workspaceId: duplicate.workspaceId, documentIds, type: "link.deleted", id: duplicateId },
      transaction,
    );
  });
  return { merged: duplicateId, into: intoLinkId };
}

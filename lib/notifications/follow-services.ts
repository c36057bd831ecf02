import "server-only";
import { db } from "@/lib/db";
import { findAnnotation } from "@/lib/annotations/annotation-services";
import { authorizeDocument } from "@/lib/documents/find-document";
import { type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import type { FollowInput } from "@/lib/validations/notification";

// Following a document (every new passage and reply in it) or a thread (an annotation's
// replies). Authors follow their own threads without a row; unfollowing stores
// `following: false`, which overrides that default.

// The target's workspace and author, if the caller may read it (404 otherwise, as anywhere).
async function findTarget(actor: Actor, { targetType, targetId }: FollowInput) {
  if (targetType === "document") {
    const { document } = await authorizeDocument(actor, targetId, "read");
    return { workspaceId: document.workspaceId, authorId: null };
  }
  const { annotation } = await findAnnotation(actor, targetId);
  return { workspaceId: annotation.workspaceId, authorId: annotation.creatorId };
}

export async function setFollowing(actor: Actor, input: FollowInput, following: boolean) {
  const target = await findTarget(actor, input);
  const userId = signedIn(actor).id;
  await db.follow.upsert({
    where: { userId_targetType_targetId: { userId, targetType: input.targetType, targetId: input.targetId } },
    create: { userId, workspaceId: target.workspaceId, ...input, following },
    update: { following },
  });
  return { targetType: input.targetType, targetId: input.targetId, following };
}

// Whether the caller follows a target (for the follow button): their choice, else the default.
export async function isFollowing(actor: Actor, input: FollowInput) {
  const target = await findTarget(actor, input);
  const userId = signedIn(actor).id;
  const row = await db.follow.findUnique({
    where: { userId_targetType_targetId: { userId, targetType: input.targetType, targetId: input.targetId } },
    select: { following: true },
  });
  return { ...input, following: row?.following ?? target.authorId === userId };
}

import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, authorizeWorkspace, signedIn } from "@/lib/policies/authorize-workspace";
import { canSeeItem } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import type { z } from "zod";
import type { createFlagSchema } from "@/lib/validations/moderation";
import { loadTarget } from "./targets";

// Anyone signed in who may read an item may flag it (viewers, and readers of a public
// workspace too), once per item, with a reason; acting on flags stays with moderators.
export async function createFlag(actor: Actor, input: z.infer<typeof createFlagSchema>) {
  const target = await loadTarget(input.targetType, input.targetId);
  const access = await authorizeWorkspace(actor, target.workspaceId, "flag");
  if (!canSeeItem(target.status, target.authorId, actor?.id, can(access, "moderate")))
    throw new AppError("not_found", `That ${target.type} was not found.`);
  try {
    const flag = await db.flag.create({
      data: {
        workspaceId: target.workspaceId,
        targetType: target.type,
        targetId: target.id,
        reporterId: signedIn(actor).id,
        reason: input.reason,
      },
    });
    return {
      id: flag.id,
      targetType: flag.targetType,
      targetId: flag.targetId,
      reason: flag.reason,
      status: flag.status,
      createdAt: flag.createdAt.toISOString(),
    };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("conflict", "You have already flagged this; moderators will look at it.");
    throw error;
  }
}

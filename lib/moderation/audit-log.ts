import "server-only";
import { db } from "@/lib/db";
import type { ModerationActionType } from "@/lib/generated/prisma/client";
import { describeAuditTargets } from "./audit-targets";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import type { z } from "zod";
import type { auditLogQuerySchema } from "@/lib/validations/moderation";

// Stored action names use underscores (enum identifiers); the API speaks in hyphens.
const ACTION_NAME = (action: string) => action.replaceAll("_", "-");

// Who did what, when and why: moderation and membership actions, newest first (moderators and owners).
export async function listAuditLog(actor: Actor, workspaceId: string, query: z.infer<typeof auditLogQuerySchema>) {
  await authorizeWorkspace(actor, workspaceId, "moderate");
  const rows = await db.moderationAction.findMany({
    where: {
      workspaceId,
      ...(query.action ? { action: query.action.replaceAll("-", "_") as ModerationActionType } : {}),
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(query.targetType ? { targetType: query.targetType } : {}),
    },
    include: { actor: { select: { id: true, name: true } } },
    orderBy: { createdAt: "desc" },
    take: query.limit,
  });
  const targets = await describeAuditTargets(rows);
  return rows.map((row, index) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    actor: row.actor,
    action: ACTION_NAME(row.action),
    targetType: row.targetType,
    targetId: row.targetId,
    // What was touched, as a person reads it (null when the item is gone without a trace).
    target: targets[index] ?? null,
    reason: row.reason,
    details: row.details,
  }));
}

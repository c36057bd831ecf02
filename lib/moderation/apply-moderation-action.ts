import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audienceOf, publishEvent } from "@/lib/live/events";
import { type Actor, authorizeWorkspace, signedIn } from "@/lib/policies/authorize-workspace";
import type { ModerationActionInput } from "@/lib/validations/moderation";
import { notifyModerationAction } from "./notify-moderation";
import { loadTarget, type ModerationTarget } from "./targets";
import { renderMarkdownInPool } from "@/lib/markdown/render-in-pool";

type Change = {
  status?: "visible" | "hidden";
  lockedAt?: Date | null;
  pinnedAt?: Date | null;
  resolvedAt?: Date | null;
  resolutionSummary?: string | null;
  featuredAt?: Date | null;
};

// What an action changes on its item, or why it cannot apply.
function changeFor(action: ModerationActionInput["action"], target: ModerationTarget, summary?: string): Change | null {
  const refuse = (message: string) => {
    throw new AppError("conflict", message);
  };
  switch (action) {
    case "hide":
      return target.status === "hidden" ? refuse(`This ${target.type} is already hidden.`) : { status: "hidden" };
    case "restore":
      return target.status === "visible" ? refuse(`This ${target.type} is already visible.`) : { status: "visible" };
    case "lock":
    case "unlock":
      if (target.type === "reply")
        throw new AppError("unprocessable", "Lock the thread (its annotation or link), not a single reply.", {
          targetType: ["annotation or link"],
        });
      if (target.isLocked === (action === "lock")) refuse(`This thread is already ${action}ed.`);
      return { lockedAt: action === "lock" ? new Date() : null };
    case "pin":
    case "unpin":
      if (target.isPinned === (action === "pin")) refuse(`This ${target.type} is already ${action}ned.`);
      return { pinnedAt: action === "pin" ? new Date() : null };
    case "resolve-flag":
      return null;
    case "resolve-thread":
    case "feature":
    case "unfeature":
      if (target.type !== "annotation")
        throw new AppError("unprocessable", "Only an annotation's thread can be resolved or featured.", {
          targetType: ["annotation"],
        });
      if (action === "resolve-thread") return { resolvedAt: new Date(), resolutionSummary: summary ?? null };
      if (target.isFeatured === (action === "feature")) refuse(`This thread is already ${action}d.`);
      return { featuredAt: action === "feature" ? new Date() : null };
  }
}

// A moderator's action on an annotation, reply or link: the change, the resolved
// flags and the audit-log row commit together or not at all. An item that changed
// since the moderator loaded it (its version moved on) answers 409.
export async function applyModerationAction(actor: Actor, input: ModerationActionInput) {
  const target = await loadTarget(input.targetType, input.targetId);
  await authorizeWorkspace(actor, target.workspaceId, "moderate");
  const moderator = signedIn(actor);
  if (input.version !== undefined && input.version !== target.version) {
    throw new AppError(
      "conflict",
      `This ${target.type} has changed since you loaded it. Reload, look again, then act.`,
    );
  }
  // A resolution's summary is rendered when read: refused now if that is costly.
  if (input.summary) await renderMarkdownInPool(input.summary, { renderedOnRead: true });
  const change = changeFor(input.action, target, input.summary);
  const result = await db.$transaction(async (transaction) => {
    let version = target.version;
    if (change) {
      const where = { id: target.id, version: target.version };
      const data = { ...change, version: { increment: 1 } };
      const updated =
        target.type === "annotation"
          ? await transaction.annotation.updateMany({ where, data })
          : target.type === "reply"
            ? await transaction.reply.updateMany({
                where,
                data: { status: change.status, pinnedAt: change.pinnedAt, version: { increment: 1 } },
              })
            : await transaction.passageLink.updateMany({ where, data });
      if (!updated.count)
        throw new AppError(
          "conflict",
          `This ${target.type} changed while you were acting on it. Reload and try again.`,
        );
      version += 1;
    }
    // Hiding, restoring or dismissing deals with the item's flags; other actions leave them open.
    const resolved = ["hide", "restore", "resolve-flag"].includes(input.action)
      ? await transaction.flag.updateMany({
          where: { targetType: target.type, targetId: target.id, status: "open" },
          data: { status: "resolved", resolvedAt: new Date(), resolvedById: moderator.id },
        })
      : { count: 0 };
    if (input.action === "resolve-flag" && !resolved.count)
      throw new AppError("conflict", `There is no open flag on this ${target.type}.`);
    const recorded = await transaction.moderationAction.create({
      data: {
        workspaceId: target.workspaceId,
        actorId: moderator.id,
        targetType: target.type,
        targetId: target.id,
        action:
          input.action === "resolve-flag"
            ? "resolve_flag"
            : input.action === "resolve-thread"
              ? "resolve_thread"
              : input.action,
        reason: input.reason,
        details: {
          flagsResolved: resolved.count,
          from: target.status,
          ...(input.summary ? { summary: input.summary } : {}),
        },
      },
    });
    await notifyModerationAction(transaction, { target, action: input.action, recorded, summary: input.summary });
    await publishEvent(
      {
        workspaceId: target.workspaceId,
        documentIds: target.documentIds,
        type: "moderation",
        id: target.id,
        threadId: target.threadId,
        // Those who saw the item before or see it after hear of the change.
        audience:
          target.status === "visible" || change?.status === "visible"
            ? undefined
            : audienceOf({ status: change?.status ?? target.status, authorId: target.authorId }),
      },
      transaction,
    );
    return { flagsResolved: resolved.count, version };
  });
  const after = await loadTarget(target.type, target.id);
  return {
    action: input.action,
    flagsResolved: result.flagsResolved,
    target: {
      type: after.type,
      id: after.id,
      status: after.status,
      isLocked: after.isLocked,
      isPinned: after.isPinned,
      isResolved: after.isResolved,
      isFeatured: after.isFeatured,
      version: after.version,
    },
  };
}

import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace, type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import type { WorkspaceRole } from "@/lib/validations/common";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliverInvitation } from "./invitation-delivery";
import { invitationPath, issueInvitation } from "./invitation-tokens";
import { notifyInvitation } from "@/lib/notifications/notify-events";
import { presentInvitation, presentMember } from "./presenters";

const memberInclude = { user: { select: { id: true, email: true, name: true } } } as const;

export async function listMembers(actor: Actor, workspaceId: string) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const [members, invitations] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId },
      include: memberInclude,
      // By power (the enum's order: owner, moderator, researcher, viewer), then by seniority.
      orderBy: [{ role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    access.role === "owner"
      ? db.invitation.findMany({
          where: { workspaceId, status: { not: "accepted" } },
          orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        })
      : [],
  ]);
  return { items: members.map(presentMember), invitations: invitations.map(presentInvitation), nextCursor: null };
}

export function audit(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  actorId: string,
  action: "member_add" | "member_role" | "member_remove",
  targetId: string,
  details: Prisma.InputJsonValue,
) {
  return tx.moderationAction.create({
    data: { workspaceId, actorId, action, targetType: "member", targetId, details },
  });
}

// A transaction that holds the workspace row lock: see withMembersLocked.
export type LockedMembers = Prisma.TransactionClient & { readonly membersLocked: true };

// Every change to a workspace's members runs here. It locks the workspace row
// first, so membership changes in one workspace take turns and each one reads
// what the others committed: two owners demoting each other, or both leaving,
// cannot both pass the "another owner remains" check. The actor's authority is
// checked again under the lock, as an owner may have been demoted meanwhile.
// "invitee" is someone answering an invitation: not a member yet, so `work`
// checks the invitation itself (lib/workspaces/invitations.ts).
// (Deleting the whole workspace needs no check: it takes its members along.)
export async function withMembersLocked<T>(
  actor: Actor,
  workspaceId: string,
  permission: "read" | "manage_members" | "invitee",
  work: (tx: LockedMembers) => Promise<T>,
): Promise<T> {
  if (permission !== "invitee") await authorizeWorkspace(actor, workspaceId, permission);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "Workspace not found.");
    if (permission === "manage_members") {
      const own = await tx.membership.findUnique({
        where: { workspaceId_userId: { workspaceId, userId: signedIn(actor).id } },
        select: { role: true },
      });
      // Only a concurrent change gets here (authorizeWorkspace passed a moment ago), hence 409 rather than 403.
      if (own?.role !== "owner")
        throw new AppError(
          "conflict",
          "Your role in this workspace changed meanwhile; you can no longer manage members.",
        );
    }
    return work(tx as LockedMembers);
  });
}

// Invites an email to the workspace. The answer is the same whether or not the
// email has an account (nothing here even looks): an invitation with its accept
// link, which becomes a membership only when that person accepts it.
export async function addMember(actor: Actor, workspaceId: string, input: { email: string; role: WorkspaceRole }) {
  const actorId = signedIn(actor).id;
  const { invitation, token } = await withMembersLocked(actor, workspaceId, "manage_members", async (tx) => {
    // Members are listed to every reader of the workspace, so saying so reveals nothing new.
    const member = await tx.membership.findFirst({
      where: { workspaceId, user: { email: input.email } },
      select: { id: true },
    });
    if (member) throw new AppError("conflict", `${input.email} is already a member of this workspace.`);
    const issued = await issueInvitation(tx, {
      workspaceId,
      email: input.email,
      role: input.role,
      invitedById: actorId,
    });
    await notifyInvitation(tx, issued.invitation);
    await audit(tx, workspaceId, actorId, "member_add", issued.invitation.id, {
      email: input.email,
      role: input.role,
      pending: true,
    });
    return issued;
  });
  const acceptPath = invitationPath(token);
  const { emailed } = await deliverInvitation({ id: invitation.id, email: invitation.email, workspaceId, acceptPath });
  return { status: "invited" as const, invitation: { ...presentInvitation(invitation), acceptPath, emailed } };
}

// Only callable under the workspace lock, so the count cannot go stale before the change commits.
async function assertAnotherOwnerRemains(tx: LockedMembers, workspaceId: string, userId: string) {
  const otherOwners = await tx.membership.count({ where: { workspaceId, role: "owner", userId: { not: userId } } });
  if (otherOwners === 0) {
    throw new AppError("conflict", "A workspace needs at least one owner. Make someone else an owner first.");
  }
}

export async function changeMemberRole(actor: Actor, workspaceId: string, userId: string, role: WorkspaceRole) {
  return withMembersLocked(actor, workspaceId, "manage_members", async (tx) => {
    const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!membership) throw new AppError("not_found", "Member not found.");
    if (membership.role === "owner" && role !== "owner") await assertAnotherOwnerRemains(tx, workspaceId, userId);
    const updated = await tx.membership.update({
      where: { id: membership.id },
      data: { role },
      include: memberInclude,
    });
    await audit(tx, workspaceId, signedIn(actor).id, "member_role", userId, { from: membership.role, to: role });
    return presentMember(updated);
  });
}

// Owners remove anyone; every member may remove themselves (leave).
export async function removeMember(actor: Actor, workspaceId: string, userId: string) {
  const isLeaving = actor?.id === userId;
  await withMembersLocked(actor, workspaceId, isLeaving ? "read" : "manage_members", async (tx) => {
    const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!membership) throw new AppError("not_found", "Member not found.");
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, workspaceId, userId);
    await tx.membership.delete({ where: { id: membership.id } });
    await audit(tx, workspaceId, signedIn(actor).id, "member_remove", userId, {
      role: membership.role,
      left: isLeaving,
    });
  });
}

// Owners withdraw an invitation that has not been accepted; its link stops working.
export async function cancelInvitation(actor: Actor, workspaceId: string, invitationId: string) {
  await authorizeWorkspace(actor, workspaceId, "manage_members");
  const { count } = await db.invitation.deleteMany({
    where: { id: invitationId, workspaceId, status: { not: "accepted" } },
  });
  if (count === 0) throw new AppError("not_found", "Invitation not found.");
}

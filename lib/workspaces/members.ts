import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import type { WorkspaceRole } from "@/lib/validations/common";
import type { Prisma } from "@/lib/generated/prisma/client";
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
      ? db.invitation.findMany({ where: { workspaceId }, orderBy: [{ role: "asc" }, { createdAt: "asc" }] })
      : [],
  ]);
  return { items: members.map(presentMember), invitations: invitations.map(presentInvitation), nextCursor: null };
}

function audit(
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

// Adds an existing account as a member, or records an invitation that becomes
// a membership when that email signs up.
export async function addMember(actor: Actor, workspaceId: string, input: { email: string; role: WorkspaceRole }) {
  await authorizeWorkspace(actor, workspaceId, "manage_members");
  const actorId = actor!.id;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (!user) {
      const existing = await tx.invitation.findUnique({
        where: { workspaceId_email: { workspaceId, email: input.email } },
      });
      if (existing) throw new AppError("conflict", `${input.email} has already been invited.`);
      const invitation = await tx.invitation.create({
        data: { workspaceId, email: input.email, role: input.role, invitedById: actorId },
      });
      await audit(tx, workspaceId, actorId, "member_add", invitation.id, {
        email: input.email,
        role: input.role,
        pending: true,
      });
      return { status: "invited" as const, invitation: presentInvitation(invitation) };
    }
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId: user.id } },
    });
    if (existing) throw new AppError("conflict", `${input.email} is already a member of this workspace.`);
    const membership = await tx.membership.create({
      data: { workspaceId, userId: user.id, role: input.role },
      include: memberInclude,
    });
    await audit(tx, workspaceId, actorId, "member_add", user.id, { email: input.email, role: input.role });
    return { status: "added" as const, member: presentMember(membership) };
  });
}

async function assertAnotherOwnerRemains(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  const otherOwners = await tx.membership.count({ where: { workspaceId, role: "owner", userId: { not: userId } } });
  if (otherOwners === 0) {
    throw new AppError("conflict", "A workspace needs at least one owner. Make someone else an owner first.");
  }
}

export async function changeMemberRole(actor: Actor, workspaceId: string, userId: string, role: WorkspaceRole) {
  await authorizeWorkspace(actor, workspaceId, "manage_members");
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!membership) throw new AppError("not_found", "Member not found.");
    if (membership.role === "owner" && role !== "owner") await assertAnotherOwnerRemains(tx, workspaceId, userId);
    const updated = await tx.membership.update({
      where: { id: membership.id },
      data: { role },
      include: memberInclude,
    });
    await audit(tx, workspaceId, actor!.id, "member_role", userId, { from: membership.role, to: role });
    return presentMember(updated);
  });
}

// Owners remove anyone; every member may remove themselves (leave).
export async function removeMember(actor: Actor, workspaceId: string, userId: string) {
  const isLeaving = actor?.id === userId;
  await authorizeWorkspace(actor, workspaceId, isLeaving ? "read" : "manage_members");
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!membership) throw new AppError("not_found", "Member not found.");
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, workspaceId, userId);
    await tx.membership.delete({ where: { id: membership.id } });
    await audit(tx, workspaceId, actor!.id, "member_remove", userId, { role: membership.role, left: isLeaving });
  });
}

export async function cancelInvitation(actor: Actor, workspaceId: string, invitationId: string) {
  await authorizeWorkspace(actor, workspaceId, "manage_members");
  const { count } = await db.invitation.deleteMany({ where: { id: invitationId, workspaceId } });
  if (count === 0) throw new AppError("not_found", "Invitation not found.");
}

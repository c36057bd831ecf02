import { abilitiesFor, type WorkspaceAccess } from "@/lib/policies/workspace-policy";
import type { WorkspaceRole } from "@/lib/validations/common";

type WorkspaceRow = {
  id: string;
  name: string;
  description: string;
  visibility: "private" | "public";
  preModeration: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export function presentWorkspace(
  workspace: WorkspaceRow,
  access: WorkspaceAccess,
  counts?: { members: number; documents: number },
) {
  return {
    id: workspace.id,
    name: workspace.name,
    description: workspace.description,
    visibility: workspace.visibility,
    preModeration: workspace.preModeration,
    role: access.role,
    abilities: abilitiesFor(access),
    ...(counts ? { memberCount: counts.members, documentCount: counts.documents } : {}),
    createdAt: workspace.createdAt.toISOString(),
    updatedAt: workspace.updatedAt.toISOString(),
  };
}

export function presentMember(member: {
  role: WorkspaceRole;
  createdAt: Date;
  user: { id: string; email: string; name: string };
}) {
  return {
    userId: member.user.id,
    email: member.user.email,
    name: member.user.name,
    role: member.role,
    joinedAt: member.createdAt.toISOString(),
  };
}

type InvitationRow = {
  id: string;
  email: string;
  role: WorkspaceRole;
  status: "pending" | "accepted" | "declined";
  expiresAt: Date;
  createdAt: Date;
};

// A pending invitation past its expiry reads "expired"; it can no longer be accepted.
export function invitationStatus(invitation: Pick<InvitationRow, "status" | "expiresAt">, now = new Date()) {
  return invitation.status === "pending" && invitation.expiresAt.getTime() <= now.getTime()
    ? ("expired" as const)
    : invitation.status;
}

export function presentInvitation(invitation: InvitationRow) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation),
    invitedAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

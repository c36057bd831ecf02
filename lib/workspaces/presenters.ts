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

export function presentInvitation(invitation: { id: string; email: string; role: WorkspaceRole; createdAt: Date }) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedAt: invitation.createdAt.toISOString(),
  };
}

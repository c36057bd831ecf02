import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, canSee, type Permission, type WorkspaceAccess } from "./workspace-policy";

export type Actor = { id: string; email: string; name: string } | null;

export type AuthorizedWorkspace = WorkspaceAccess & {
  workspace: { id: string; name: string; description: string; visibility: "private" | "public"; preModeration: boolean; createdAt: Date; updatedAt: Date };
};

// Loads the workspace with the actor's role and checks one permission. A
// private workspace the actor cannot see answers 404, so its existence stays
// private; a visible one the actor may not change answers 403 (401 if anonymous).
export async function authorizeWorkspace(actor: Actor, workspaceId: string, permission: Permission): Promise<AuthorizedWorkspace> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    include: actor ? { memberships: { where: { userId: actor.id }, select: { role: true } } } : undefined,
  });
  if (!workspace) throw new AppError("not_found", "Workspace not found.");
  const memberships = (workspace as { memberships?: { role: WorkspaceAccess["role"] }[] }).memberships ?? [];
  const access: WorkspaceAccess = { role: memberships[0]?.role ?? null, visibility: workspace.visibility };
  if (!canSee(access)) throw new AppError("not_found", "Workspace not found.");
  if (!can(access, permission)) {
    if (!actor) throw new AppError("unauthenticated", "Sign in to do this.");
    throw new AppError("forbidden", `Your role in this workspace does not allow this (${permission.replace("_", " ")}).`);
  }
  const { id, name, description, visibility, preModeration, createdAt, updatedAt } = workspace;
  return { ...access, workspace: { id, name, description, visibility, preModeration, createdAt, updatedAt } };
}

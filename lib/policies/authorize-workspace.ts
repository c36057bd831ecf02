import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, canSee, type Permission, type WorkspaceAccess } from "./workspace-policy";

export type Actor = { id: string; email: string; name: string } | null;
export type SignedInActor = NonNullable<Actor>;

// The caller, typed as signed in. Services call it once they have authorized something
// anonymous callers never pass (every permission but read and export), so it only
// narrows the type there; anywhere else an anonymous caller gets a 401.
export function signedIn(actor: Actor): SignedInActor {
  if (!actor) throw new AppError("unauthenticated", "Sign in to do this.");
  return actor;
}

export type AuthorizedWorkspace = WorkspaceAccess & {
  workspace: {
    id: string;
    name: string;
    description: string;
    visibility: "private" | "public";
    preModeration: boolean;
    createdAt: Date;
    updatedAt: Date;
  };
};

// Loads the workspace with the actor's role and checks one permission. A
// private workspace the actor cannot see answers 404, so its existence stays
// private; a visible one the actor may not change answers 403 (401 if anonymous).
export async function authorizeWorkspace(
  actor: Actor,
  workspaceId: string,
  permission: Permission,
): Promise<AuthorizedWorkspace> {
  // One round trip for the workspace and the actor's role: every request asks this.
  const rows = await db.$queryRaw<(AuthorizedWorkspace["workspace"] & { role: WorkspaceAccess["role"] })[]>`
    SELECT w.id, w.name, w.description, w.visibility::text AS visibility, w."preModeration", w."createdAt", w."updatedAt", m.role::text AS role
    FROM "Workspace" w LEFT JOIN "Membership" m ON m."workspaceId" = w.id AND m."userId" = ${actor?.id ?? null}
    WHERE w.id = ${workspaceId}`;
  const row = rows[0];
  if (!row) throw new AppError("not_found", "Workspace not found.");
  const access: WorkspaceAccess = { role: row.role ?? null, visibility: row.visibility, isSignedIn: actor !== null };
  if (!canSee(access)) throw new AppError("not_found", "Workspace not found.");
  if (!can(access, permission)) {
    if (!actor) throw new AppError("unauthenticated", "Sign in to do this.");
    throw new AppError(
      "forbidden",
      `Your role in this workspace does not allow this (${permission.replace("_", " ")}).`,
    );
  }
  const { id, name, description, visibility, preModeration, createdAt, updatedAt } = row;
  return { ...access, workspace: { id, name, description, visibility, preModeration, createdAt, updatedAt } };
}

import "server-only";
import { db } from "@/lib/db";
import { countLiveDocuments } from "@/lib/documents/list-documents";
import type { Actor } from "@/lib/policies/authorize-workspace";
import { authorizeWorkspace } from "@/lib/policies/authorize-workspace";
import type { CreateWorkspaceInput } from "@/lib/validations/workspace";
import type { Pagination } from "@/lib/validations/common";
import { presentWorkspace } from "./presenters";

export async function createWorkspace(actor: NonNullable<Actor>, input: CreateWorkspaceInput) {
  const workspace = await db.workspace.create({
    data: {
      name: input.name,
      visibility: input.visibility,
      description: input.description ?? "",
      memberships: { create: { userId: actor.id, role: "owner" } },
    },
  });
  return presentWorkspace(workspace, { role: "owner", visibility: workspace.visibility }, { members: 1, documents: 0 });
}

// The workspaces the actor belongs to, newest membership first.
export async function listMyWorkspaces(actor: NonNullable<Actor>, page: Pagination) {
  const rows = await db.membership.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    include: {
      workspace: { include: { _count: { select: { memberships: true, documents: { where: { deletedAt: null } } } } } },
    },
  });
  const items = rows.slice(0, page.limit).map(({ workspace, role }) =>
    presentWorkspace(
      workspace,
      { role, visibility: workspace.visibility },
      {
        members: workspace._count.memberships,
        documents: workspace._count.documents,
      },
    ),
  );
  return { items, nextCursor: rows.length > page.limit ? rows[page.limit - 1]!.id : null };
}

export async function getWorkspace(actor: Actor, workspaceId: string) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const [members, documents] = await Promise.all([
    db.membership.count({ where: { workspaceId } }),
    countLiveDocuments(workspaceId),
  ]);
  return presentWorkspace(access.workspace, access, { members, documents });
}

export async function updateWorkspace(
  actor: Actor,
  workspaceId: string,
  changes: { name?: string; visibility?: "private" | "public"; description?: string; preModeration?: boolean },
) {
  const access = await authorizeWorkspace(actor, workspaceId, "manage_workspace");
  const workspace = await db.workspace.update({ where: { id: workspaceId }, data: changes });
  return presentWorkspace(workspace, access);
}

import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import type { Permission } from "@/lib/policies/workspace-policy";

// A collection with its items in order, and the actor's access to its workspace; a
// collection in a workspace the actor cannot see is simply "not found".
export async function findCollection(actor: Actor, collectionId: string, permission: Permission) {
  const collection = await db.collection.findUnique({
    where: { id: collectionId },
    include: { items: { orderBy: { position: "asc" } }, createdBy: { select: { id: true, name: true } } },
  });
  if (!collection) throw new AppError("not_found", "Collection not found.");
  const access = await authorizeWorkspace(actor, collection.workspaceId, permission);
  return { ...collection, access };
}

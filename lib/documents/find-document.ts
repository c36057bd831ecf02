import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace, type Actor, type AuthorizedWorkspace } from "@/lib/policies/authorize-workspace";
import type { Permission } from "@/lib/policies/workspace-policy";

// Loads a live document and checks the actor's permission in its workspace;
// a document in a workspace the actor cannot see is simply "not found".
export async function findDocument(actor: Actor, documentId: string, permission: Permission) {
  const document = await db.document.findFirst({
    where: { id: documentId, deletedAt: null },
    include: { createdBy: { select: { id: true, name: true } } },
  });
  if (!document) throw new AppError("not_found", "Document not found.");
  const access: AuthorizedWorkspace = await authorizeWorkspace(actor, document.workspaceId, permission);
  return { document, access };
}

// The same check when only access matters (lists under a document): the text is not loaded.
export async function authorizeDocument(actor: Actor, documentId: string, permission: Permission) {
  const document = await db.document.findFirst({
    where: { id: documentId, deletedAt: null },
    select: { id: true, workspaceId: true },
  });
  if (!document) throw new AppError("not_found", "Document not found.");
  return { document, access: await authorizeWorkspace(actor, document.workspaceId, permission) };
}

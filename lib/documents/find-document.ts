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
  return authorizeFound(actor, document, permission);
}

// The same check when only access matters (lists under a document): the text is not loaded.
export async function authorizeDocument(actor: Actor, documentId: string, permission: Permission) {
  const document = await db.document.findFirst({
    where: { id: documentId, deletedAt: null },
    select: { id: true, workspaceId: true },
  });
  return authorizeFound(actor, document, permission);
}

// The same check for pages about a document (reader, details, new version): everything but
// the text, which can be 300k characters and which a page shown from its caches never needs.
// documentText reads it when it is needed.
export async function findDocumentDetails(actor: Actor, documentId: string, permission: Permission) {
  const document = await db.document.findFirst({
    where: { id: documentId, deletedAt: null },
    omit: { text: true },
    include: { createdBy: { select: { id: true, name: true } } },
  });
  return authorizeFound(actor, document, permission);
}

// A missing document answers 404; a found one is authorized in its workspace, which answers
// 404 as well to whoever cannot see it.
async function authorizeFound<Found extends { workspaceId: string }>(
  actor: Actor,
  document: Found | null,
  permission: Permission,
): Promise<{ document: Found; access: AuthorizedWorkspace }> {
  if (!document) throw new AppError("not_found", "Document not found.");
  return { document, access: await authorizeWorkspace(actor, document.workspaceId, permission) };
}

// The text of a version of a document (its revision, which never changes), for a document
// found with findDocumentDetails. Documents without a revision row read the current text.
export async function documentText(document: { id: string; version: number }): Promise<string> {
  const revision = await db.documentRevision.findUnique({
    where: { documentId_version: { documentId: document.id, version: document.version } },
    select: { text: true },
  });
  if (revision) return revision.text;
  return (await db.document.findUniqueOrThrow({ where: { id: document.id }, select: { text: true } })).text;
}

import { can, type WorkspaceAccess } from "./workspace-policy";

// Who may correct a document's details, upload a new version or delete it:
// the person who imported it (while they may still import), or a moderator.
export function canEditDocument(access: WorkspaceAccess, createdById: string, userId: string | undefined): boolean {
  return can(access, "moderate") || (can(access, "import") && createdById === userId);
}

import type { Abilities } from "@/lib/policies/workspace-policy";

// Mirrors findEditable in lib/documents/update-document.ts for the UI: the importer or a moderator.
export const canEditDocument = (abilities: Abilities, createdById: string, userId: string | undefined) =>
  abilities.canModerate || (abilities.canImport && createdById === userId);

import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canEditDocument } from "@/lib/policies/document-policy";
import { type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import type { UpdateDocumentInput } from "@/lib/validations/document";
import { publishedColumns } from "./create-document";
import { findDocument } from "./find-document";
import { presentDocument } from "./presenters";

async function findEditable(actor: Actor, documentId: string) {
  const found = await findDocument(actor, documentId, "import");
  if (!canEditDocument(found.access, found.document.createdById, actor?.id)) {
    throw new AppError("forbidden", "Only the person who imported this document or a moderator can change it.");
  }
  return found;
}

// Details change metadataVersion only: the version counts the text's revisions.
export async function updateDocument(
  actor: Actor,
  documentId: string,
  { metadataVersion, version, publishedAt, ...changes }: UpdateDocumentInput,
) {
  await findEditable(actor, documentId);
  const updated = await db.document.updateManyAndReturn({
    where: { id: documentId, metadataVersion, ...(version === undefined ? {} : { version }), deletedAt: null },
    data: {
      ...changes,
      ...(publishedAt === undefined ? {} : publishedColumns(publishedAt)),
      metadataVersion: { increment: 1 },
    },
  });
  if (!updated.length) throw staleVersion();
  const { document } = await findDocument(actor, documentId, "read");
  return presentDocument(document, { includeText: false });
}

export async function deleteDocument(actor: Actor, documentId: string) {
  const { document } = await findEditable(actor, documentId);
  const editor = signedIn(actor);
  await db.$transaction([
    db.document.update({ where: { id: documentId }, data: { deletedAt: new Date() } }),
    db.moderationAction.create({
      data: {
        workspaceId: document.workspaceId,
        actorId: editor.id,
        targetType: "document",
        targetId: documentId,
        action: "document_delete",
        details: { title: document.title },
      },
    }),
  ]);
}

export const staleVersion = () =>
  new AppError("conflict", "This document has changed since you loaded it. Reload it and try again.");

export { findEditable };

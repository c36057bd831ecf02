import "server-only";
import { db } from "@/lib/db";
import { paragraphBlocks, parseStoredBlocks, plainTextBlocks, type Block } from "./blocks";

export type DocumentStructure = { blocks: Block[]; pageCount: number | null };

// The structure of a document's current text (the revision of its version).
// Revisions stored before structure existed read as plain text does (text
// imports) or one paragraph per blank-line block (the rest).
export async function loadStructure(document: {
  id: string;
  version: number;
  text: string;
  sourceFormat: string;
}): Promise<DocumentStructure> {
  const revision = await db.documentRevision.findUnique({
    where: { documentId_version: { documentId: document.id, version: document.version } },
    select: { blocks: true, pageCount: true },
  });
  const stored = parseStoredBlocks(revision?.blocks);
  return {
    blocks: stored ?? (document.sourceFormat === "text" ? plainTextBlocks : paragraphBlocks)(document.text),
    pageCount: revision?.pageCount ?? null,
  };
}

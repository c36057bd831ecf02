import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { type Actor, authorizeWorkspace, signedIn } from "@/lib/policies/authorize-workspace";
import { queuePassageIndex } from "@/lib/suggestions/queue-index";
import type { ImportSource } from "./import/extract-document";
import { refuseDuplicate } from "./duplicates";
import { extractDocumentInPool } from "./import/extract-in-pool";
import { originalOf } from "./original-file";
import { presentDocument } from "./presenters";
import type { PublishedDate } from "./published-date";
import { attachWebSource } from "@/lib/web-sources/web-source-services";

export type DocumentMetadata = {
  title?: string;
  authors?: string[];
  sourceUrl?: string | null;
  publishedAt?: PublishedDate | null;
};

export const contentHash = (text: string) => createHash("sha256").update(text).digest("hex");

// Imports a document: metadata given by the user wins over what the source declares. A text
// the workspace already holds (same canonical text) is refused as a duplicate unless allowed.
export async function createDocument(
  actor: Actor,
  workspaceId: string,
  source: ImportSource,
  metadata: DocumentMetadata = {},
  { allowDuplicate = false }: { allowDuplicate?: boolean } = {},
) {
  await authorizeWorkspace(actor, workspaceId, "import");
  const importer = signedIn(actor);
  const extracted = await extractDocumentInPool(source);
  const hash = contentHash(extracted.text);
  const document = await db.$transaction(async (tx) => {
    if (!allowDuplicate) await refuseDuplicate(tx, workspaceId, hash);
    const created = await tx.document.create({
      data: {
        workspaceId,
        title: metadata.title ?? extracted.title ?? firstWords(extracted.text),
        authors: metadata.authors ?? extracted.authors ?? [],
        sourceUrl: metadata.sourceUrl ?? extracted.sourceUrl ?? null,
        ...publishedColumns(metadata.publishedAt ?? extracted.published),
        sourceFormat: extracted.sourceFormat,
        text: extracted.text,
        contentHash: hash,
        createdById: importer.id,
        revisions: {
          create: {
            version: 1,
            text: extracted.text,
            contentHash: hash,
            blocks: extracted.blocks,
            pageCount: extracted.pageCount ?? null,
            createdById: importer.id,
            original: originalOf(source, extracted.sourceFormat),
          },
        },
      },
      include: { createdBy: { select: { id: true, name: true } } },
    });
    // Annotations made on this page before it was imported (a web source) move onto it.
    await attachWebSource(tx, created);
    await queuePassageIndex(tx, created.id);
    return created;
  });
  return presentDocument(document, { includeText: false });
}

function firstWords(text: string): string {
  const line = text.split("\n", 1)[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 80).replace(/\s+\S*$/, "")}…` : line;
}

// The two columns a publication date is stored in (a missing date keeps the default precision).
export const publishedColumns = (published: PublishedDate | null | undefined) =>
  published
    ? { publishedAt: published.at, publishedPrecision: published.precision }
    : { publishedAt: null, publishedPrecision: "day" as const };

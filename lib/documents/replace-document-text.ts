import "server-only";
import { reanchorAll, type AnchorResult } from "@/lib/anchoring/reanchor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import { queuePassageIndex } from "@/lib/suggestions/queue-index";
import { contentHash } from "./create-document";
import type { ImportSource } from "./import/extract-document";
import { extractDocumentInPool } from "./import/extract-in-pool";
import { originalOf } from "./original-file";
import { presentDocument } from "./presenters";
import { findEditable, staleVersion } from "./update-document";

export type ReanchorSummary = { anchored: number; moved: number; orphaned: number };

// Uploads a new revision of a document's text and re-anchors every annotation
// on it, all in one transaction: either the new text and every anchor land
// together, or nothing changes. Links resting on an annotation that moved or
// was orphaned are flagged for review.
export async function replaceDocumentText(actor: Actor, documentId: string, source: ImportSource, version: number) {
  const { document } = await findEditable(actor, documentId);
  const editor = signedIn(actor);
  if (document.version !== version) throw staleVersion();
  const { text, blocks, pageCount, sourceFormat } = await extractDocumentInPool(source);
  if (text === document.text) throw new AppError("unprocessable", "The new text is the same as the current one.");

  const summary = await db.$transaction(
    async (tx) => {
      const bumped = await tx.document.updateMany({
        where: { id: documentId, version, deletedAt: null },
        data: { text, contentHash: contentHash(text), version: { increment: 1 } },
      });
      if (bumped.count !== 1) throw staleVersion();
      await queuePassageIndex(tx, documentId);
      const newVersion = version + 1;
      await tx.documentRevision.create({
        data: {
          documentId,
          version: newVersion,
          text,
          contentHash: contentHash(text),
          blocks,
          pageCount: pageCount ?? null,
          createdById: editor.id,
          original: originalOf(source, sourceFormat),
        },
      });
      await tx.moderationAction.create({
        data: {
          workspaceId: document.workspaceId,
          actorId: editor.id,
          targetType: "document",
          targetId: documentId,
          action: "document_revise",
          details: { title: document.title, version: newVersion },
        },
      });

      const annotations = await tx.annotation.findMany({
        where: { documentId, deletedAt: null },
        select: { id: true, start: true, end: true, quote: true, prefix: true, suffix: true, anchorStatus: true },
      });
      const results = reanchorAll(
        document.text,
        text,
        annotations.map((annotation) => ({ ...annotation, hasPosition: annotation.anchorStatus !== "orphaned" })),
      );
      await saveAnchors(
        tx,
        annotations.map((annotation, index) => ({ id: annotation.id, result: results[index]! })),
        newVersion,
      );
      const needsReview = annotations
        .filter((_, index) => results[index]!.status !== "anchored")
        .map((annotation) => annotation.id);
      if (needsReview.length) {
        await tx.passageLink.updateMany({
          where: { OR: [{ fromAnnotationId: { in: needsReview } }, { toAnnotationId: { in: needsReview } }] },
          data: { needsReview: true },
        });
      }
      const counts: ReanchorSummary = { anchored: 0, moved: 0, orphaned: 0 };
      for (const result of results) counts[result.status] += 1;
      return counts;
    },
    { timeout: 60_000 },
  );
  const { document: updated } = await findEditable(actor, documentId);
  return { document: presentDocument(updated, { includeText: false }), reanchoring: summary };
}

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

// One statement for all anchors, however many there are.
export async function saveAnchors(tx: Transaction, rows: Array<{ id: string; result: AnchorResult }>, version: number) {
  const placed = rows.filter((row) => row.result.status !== "orphaned");
  const orphaned = rows.filter((row) => row.result.status === "orphaned").map((row) => row.id);
  if (placed.length) {
    const column = <T>(pick: (result: Exclude<AnchorResult, { status: "orphaned" }>) => T) =>
      placed.map((row) => pick(row.result as Exclude<AnchorResult, { status: "orphaned" }>));
    const selectors = column((result) =>
      JSON.stringify([
        { type: "TextQuoteSelector", exact: result.quote, prefix: result.prefix, suffix: result.suffix },
        { type: "TextPositionSelector", start: result.start, end: result.end },
      ]),
    );
    await tx.$executeRaw`
      UPDATE "Annotation" AS a SET
        "start" = v.start, "end" = v.end, "quote" = v.quote, "prefix" = v.prefix, "suffix" = v.suffix,
        "selectors" = v.selectors::jsonb, "anchorStatus" = v.status::"AnchorStatus", "anchoredVersion" = ${version}, "updatedAt" = now()
      FROM unnest(${placed.map((row) => row.id)}::text[], ${column((result) => result.start)}::int[], ${column((result) => result.end)}::int[],
                  ${column((result) => result.quote)}::text[], ${column((result) => result.prefix)}::text[], ${column((result) => result.suffix)}::text[],
                  ${selectors}::text[], ${column((result) => result.status)}::text[])
        AS v(id, start, "end", quote, prefix, suffix, selectors, status)
      WHERE a.id = v.id`;
  }
  if (orphaned.length) {
    // Orphans keep their last quote and offsets (relative to the revision they were anchored on).
    await tx.annotation.updateMany({ where: { id: { in: orphaned } }, data: { anchorStatus: "orphaned" } });
  }
}

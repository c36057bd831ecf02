import "server-only";
import { CodePointIndex } from "@/lib/anchoring/code-points";
import { db } from "@/lib/db";
import { chunkText, type Chunk } from "./chunk-text";
import { bytesToVector, vectorToBytes, type Embedder } from "./embedder";
import { poolEmbedder } from "./pool-embedder";
import { PassageCorpus } from "./scorer";

// Embeds a document's passages and stores them (the `suggest.index` job, queued when a
// document is imported or revised). Chunks of an older version are replaced; a document
// revised or deleted meanwhile is left to the job its change queued.
export async function indexDocument(documentId: string, embedder: Embedder = poolEmbedder) {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { id: true, workspaceId: true, version: true, text: true, deletedAt: true },
  });
  if (!document || document.deletedAt) {
    await db.passageChunk.deleteMany({ where: { documentId } });
    return;
  }
  const current = await db.passageChunk.count({ where: { documentId, documentVersion: document.version } });
  const chunks = chunkText(document.text);
  if (current === chunks.length && current > 0) return;
  const vectors = await embedder.embed(chunkTexts(document.text, chunks));
  await db.$transaction(async (tx) => {
    const still = await tx.document.findFirst({
      where: { id: documentId, version: document.version, deletedAt: null },
    });
    if (!still) return;
    await tx.passageChunk.deleteMany({ where: { documentId } });
    await tx.passageChunk.createMany({
      data: chunks.map((chunk, index) => ({
        workspaceId: document.workspaceId,
        documentId,
        documentVersion: document.version,
        start: chunk.start,
        end: chunk.end,
        embedding: vectorToBytes(vectors[index]!),
      })),
    });
  });
}

export function chunkTexts(text: string, chunks: Chunk[]): string[] {
  const index = new CodePointIndex(text);
  return chunks.map((chunk) => text.slice(index.toUtf16(chunk.start), index.toUtf16(chunk.end)));
}

export type IndexedPassage = { documentId: string; start: number; end: number; quote: string };
export type WorkspaceIndex = { corpus: PassageCorpus; entries: IndexedPassage[] };

// One ranker per workspace, kept in memory and rebuilt when a document or the stored
// chunks change (a cheap signature query decides). Every live document takes part: those
// whose embeddings are not stored yet are ranked on their words alone until their job runs.
const globalForIndex = globalThis as unknown as {
  suggestionIndexes?: Map<string, { signature: string; index: Promise<WorkspaceIndex> }>;
};
const MAX_CACHED = 50;

export async function workspaceIndex(workspaceId: string): Promise<WorkspaceIndex> {
  const cache = (globalForIndex.suggestionIndexes ??= new Map());
  const [{ signature }] = await db.$queryRaw<[{ signature: string }]>`
    SELECT concat_ws('|',
      (SELECT concat_ws(':', count(*), sum(version), max("updatedAt")) FROM "Document"
        WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL),
      (SELECT concat_ws(':', count(*), max("createdAt")) FROM "PassageChunk" WHERE "workspaceId" = ${workspaceId})
    ) AS signature`;
  const cached = cache.get(workspaceId);
  if (cached?.signature === signature) return cached.index;
  const index = buildIndex(workspaceId);
  cache.delete(workspaceId);
  cache.set(workspaceId, { signature, index });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  index.catch(() => cache.get(workspaceId)?.index === index && cache.delete(workspaceId));
  return index;
}

async function buildIndex(workspaceId: string): Promise<WorkspaceIndex> {
  const [documents, stored] = await Promise.all([
    db.document.findMany({
      where: { workspaceId, deletedAt: null },
      select: { id: true, version: true, text: true },
      orderBy: { createdAt: "asc" },
    }),
    db.passageChunk.findMany({
      where: { workspaceId },
      select: { documentId: true, documentVersion: true, start: true, end: true, embedding: true },
    }),
  ]);
  const vectors = new Map<string, Float32Array>();
  for (const chunk of stored)
    vectors.set(
      `${chunk.documentId}:${chunk.documentVersion}:${chunk.start}:${chunk.end}`,
      bytesToVector(chunk.embedding),
    );
  const entries: IndexedPassage[] = [];
  const passages: Array<{ text: string; vector?: Float32Array }> = [];
  for (const document of documents) {
    const chunks = chunkText(document.text);
    chunkTexts(document.text, chunks).forEach((quote, position) => {
      const { start, end } = chunks[position]!;
      entries.push({ documentId: document.id, start, end, quote });
      passages.push({ text: quote, vector: vectors.get(`${document.id}:${document.version}:${start}:${end}`) });
    });
  }
  return { corpus: new PassageCorpus(passages), entries };
}

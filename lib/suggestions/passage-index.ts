import "server-only";
import { CodePointIndex } from "@/lib/anchoring/code-points";
import { db } from "@/lib/db";
import { chunkText, type Chunk } from "./chunk-text";
import { bytesToVector, vectorToBytes, type Embedder } from "./embedder";
import { poolEmbedder } from "./pool-embedder";
import { isHeading, PassageCorpus, yieldToEventLoop } from "./scorer";

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

export type IndexedPassage = {
  documentId: string;
  documentVersion: number;
  start: number;
  end: number;
  quote: string;
  // A title or heading line on its own: ranked, never suggested.
  isHeading: boolean;
};
type BuiltIndex = { corpus: PassageCorpus; entries: IndexedPassage[]; versions: Map<string, number> };
// A ranker and whether an entry may be suggested now: not while its document has been revised
// or deleted since the ranker was built (its offsets would point into old text).
export type WorkspaceIndex = Pick<BuiltIndex, "corpus" | "entries"> & {
  isCurrent: (entry: IndexedPassage) => boolean;
};

// One ranker per workspace, kept in memory. When a document or the stored chunks change (a
// cheap signature query decides), the ranker is rebuilt in the background and the previous
// one answers meanwhile, leaving out documents revised or deleted since: a change never makes
// a request wait for the rebuild (about 2–3 s for 300 documents); a new document is suggested
// once it is in. Every live document takes part: those whose embeddings are not stored yet
// are ranked on their words alone until their job runs.
type Cached = {
  ready: BuiltIndex | null;
  readySignature: string;
  building: Promise<BuiltIndex> | null;
  buildingSignature: string;
};
const globalForIndex = globalThis as unknown as { suggestionIndexes?: Map<string, Cached> };
const MAX_CACHED = 50;
const isAlwaysCurrent = () => true;

export async function workspaceIndex(workspaceId: string): Promise<WorkspaceIndex> {
  const cache = (globalForIndex.suggestionIndexes ??= new Map());
  const [{ signature }] = await db.$queryRaw<[{ signature: string }]>`
    SELECT concat_ws('|',
      (SELECT concat_ws(':', count(*), sum(version), max("updatedAt")) FROM "Document"
        WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL),
      (SELECT concat_ws(':', count(*), max("createdAt")) FROM "PassageChunk" WHERE "workspaceId" = ${workspaceId})
    ) AS signature`;
  let cached = cache.get(workspaceId);
  if (!cached) {
    cached = { ready: null, readySignature: "", building: null, buildingSignature: "" };
    cache.set(workspaceId, cached);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  const entry = cached;
  if (entry.ready && entry.readySignature === signature) return { ...entry.ready, isCurrent: isAlwaysCurrent };
  if (entry.buildingSignature !== signature || !entry.building) {
    entry.buildingSignature = signature;
    const building = buildIndex(workspaceId).then(
      (index) => {
        if (entry.buildingSignature === signature) {
          entry.ready = index;
          entry.readySignature = signature;
          entry.building = null;
        }
        return index;
      },
      (error: unknown) => {
        // Tried again by the next request.
        if (entry.buildingSignature === signature) entry.building = null;
        throw error;
      },
    );
    entry.building = building;
    if (entry.ready)
      building.catch((error: unknown) => console.error("The suggestion ranker could not be rebuilt:", error));
  }
  // The first ranker of a workspace is awaited; afterwards the previous one answers meanwhile.
  if (!entry.ready) return { ...(await entry.building!), isCurrent: isAlwaysCurrent };
  const stale = entry.ready;
  const live = await db.document.findMany({
    where: { workspaceId, deletedAt: null, id: { in: [...stale.versions.keys()] } },
    select: { id: true, version: true },
  });
  const current = new Set(
    live.filter((document) => stale.versions.get(document.id) === document.version).map((d) => d.id),
  );
  return { corpus: stale.corpus, entries: stale.entries, isCurrent: (passage) => current.has(passage.documentId) };
}

async function buildIndex(workspaceId: string): Promise<BuiltIndex> {
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
  for (const [position, document] of documents.entries()) {
    if (position % 20 === 19) await yieldToEventLoop();
    const chunks = chunkText(document.text);
    chunkTexts(document.text, chunks).forEach((quote, position) => {
      const { start, end } = chunks[position]!;
      entries.push({
        documentId: document.id,
        documentVersion: document.version,
        start,
        end,
        quote,
        isHeading: isHeading(quote),
      });
      passages.push({ text: quote, vector: vectors.get(`${document.id}:${document.version}:${start}:${end}`) });
    });
  }
  const versions = new Map(documents.map((document) => [document.id, document.version]));
  return { corpus: await PassageCorpus.build(passages), entries, versions };
}

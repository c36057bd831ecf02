// The measuring half of `npm run bench -- suggest` (see suggest.ts), run with the server's
// module conditions against the seeded database named by DATABASE_URL.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findAnnotation } from "@/lib/annotations/annotation-services";
import { db } from "@/lib/db";
import { chunkText } from "@/lib/suggestions/chunk-text";
import { bytesToVector, vectorToBytes } from "@/lib/suggestions/embedder";
import { chunkTexts, indexDocument, workspaceIndex } from "@/lib/suggestions/passage-index";
import { poolEmbedder } from "@/lib/suggestions/pool-embedder";
import { suggestPassages } from "@/lib/suggestions/suggest-passages";
import { untrustedPool } from "@/lib/workers/untrusted-pool";
import { readCorpus, CORPUS_FILES } from "@/tests/support/corpus";
import { percentile } from "./load";

const ANNOTATIONS = 100;
const workspaceId = process.env.BENCH_WORKSPACE!;
const userId = process.env.BENCH_USER!;
// Embeddings of passage texts kept between runs (the seeded documents repeat the corpus's
// paragraphs, so a few hundred texts cover all 300 documents).
const CACHE = path.join(os.tmpdir(), "counterpoint-bench-embeddings");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function embedCached(texts: string[]): Promise<Map<string, Float32Array>> {
  mkdirSync(CACHE, { recursive: true });
  const key = (text: string) => path.join(CACHE, createHash("sha256").update(text).digest("hex"));
  const vectors = new Map<string, Float32Array>();
  const missing = texts.filter((text) => {
    if (!existsSync(key(text))) return true;
    vectors.set(text, bytesToVector(readFileSync(key(text))));
    return false;
  });
  // Both pool processes at once.
  const halves = [missing.filter((_, index) => index % 2 === 0), missing.filter((_, index) => index % 2 === 1)];
  await Promise.all(
    halves.map(async (half) => {
      for (let from = 0; from < half.length; from += 32) {
        const batch = half.slice(from, from + 32);
        (await poolEmbedder.embed(batch)).forEach((vector, index) => {
          vectors.set(batch[index]!, vector);
          writeFileSync(key(batch[index]!), vectorToBytes(vector));
        });
      }
    }),
  );
  return vectors;
}

async function seedIndex() {
  const documents = await db.document.findMany({
    where: { workspaceId },
    select: { id: true, version: true, text: true },
  });
  const perDocument = documents.map((document) => {
    const chunks = chunkText(document.text);
    return { document, chunks, texts: chunkTexts(document.text, chunks) };
  });
  const unique = [...new Set(perDocument.flatMap((entry) => entry.texts))];
  const started = performance.now();
  const vectors = await embedCached(unique);
  const rows = perDocument.flatMap(({ document, chunks, texts }) =>
    chunks.map((chunk, index) => ({
      workspaceId,
      documentId: document.id,
      documentVersion: document.version,
      start: chunk.start,
      end: chunk.end,
      embedding: vectorToBytes(vectors.get(texts[index]!)!),
    })),
  );
  for (let from = 0; from < rows.length; from += 2000)
    await db.passageChunk.createMany({ data: rows.slice(from, from + 2000) });
  console.log(
    `Index: ${rows.length} passages of ${documents.length} documents (${unique.length} distinct texts embedded or read from the cache in ${seconds(performance.now() - started)}).`,
  );
}

function newDocumentText(): string {
  const paragraphs = CORPUS_FILES.flatMap((file) => readCorpus(file).split(/\n+/)).filter((p) => p.length > 80);
  const picked: string[] = [];
  for (let index = 0; picked.join("\n\n").length < 30_000; index += 7)
    picked.push(paragraphs[index % paragraphs.length]!);
  return picked.join("\n\n").slice(0, 30_000);
}

async function main() {
  await seedIndex();
  const actor = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true },
  });
  const annotations = await db.annotation.findMany({
    where: { workspaceId },
    select: { id: true },
    take: ANNOTATIONS,
    orderBy: { id: "asc" },
  });

  let started = performance.now();
  await workspaceIndex(workspaceId);
  const build = performance.now() - started;

  const read: number[] = [];
  const lexical: number[] = [];
  const ours: number[] = [];
  for (const { id } of annotations) {
    started = performance.now();
    const { annotation } = await findAnnotation(actor, id);
    read.push(performance.now() - started);
    started = performance.now();
    const index = await workspaceIndex(workspaceId);
    index.corpus.rank(
      { text: annotation.quote },
      10,
      (position) => index.entries[position]!.documentId !== annotation.documentId,
    );
    lexical.push(performance.now() - started);
    started = performance.now();
    await suggestPassages(actor, id, 10);
    ours.push(performance.now() - started);
  }
  const again: number[] = [];
  for (const { id } of annotations) {
    started = performance.now();
    await suggestPassages(actor, id, 10);
    again.push(performance.now() - started);
  }
  const row = (name: string, times: number[]) => ({
    path: name,
    "p50 ms": percentile(times, 0.5).toFixed(1),
    "p95 ms": percentile(times, 0.95).toFixed(1),
  });
  console.log(`Workspace ranker built in ${seconds(build)} (once per change of the workspace's documents).`);
  console.table([
    row("suggestions, first ask (quote embedded in the pool)", ours),
    row("suggestions, asked again (quote vector cached)", again),
    row("baseline: lexical ranking alone (no embedding)", lexical),
    row("baseline: plain read of the annotation", read),
  ]);

  const text = newDocumentText();
  const document = await db.document.create({
    data: { workspaceId, title: "New 30k document", text, contentHash: "bench", createdById: userId },
  });
  started = performance.now();
  await indexDocument(document.id);
  const update = performance.now() - started;
  const passages = await db.passageChunk.count({ where: { documentId: document.id } });
  // The next asks after the change: answered by the previous ranker while the new one is
  // built in the background, until the new document is in.
  const after: number[] = [];
  const changed = performance.now();
  let isIn = false;
  for (let ask = 0; !isIn && ask < 400; ask += 1) {
    started = performance.now();
    await suggestPassages(actor, annotations[ask % annotations.length]!.id, 10);
    after.push(performance.now() - started);
    isIn = (await workspaceIndex(workspaceId)).entries.some((entry) => entry.documentId === document.id);
  }
  console.log(
    `Index update for a new ${text.length.toLocaleString("en")}-character document: ${seconds(update)} on the job (${passages} passages embedded in the pool). Asks meanwhile: p50 ${percentile(after, 0.5).toFixed(1)} ms, max ${Math.max(...after).toFixed(1)} ms over ${after.length} asks; the new document was in the ranker after ${seconds(performance.now() - changed)}.`,
  );
  const target = percentile(ours, 0.95) < 1000;
  console.log(target ? "Target met: p95 under a second." : "Target missed: p95 is a second or more.");
  return target;
}

const ok = await main().finally(async () => {
  await untrustedPool().close();
  await db.$disconnect();
});
process.exit(ok ? 0 : 1);

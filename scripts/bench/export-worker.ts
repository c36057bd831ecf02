// One export format, measured in a fresh process (run with --conditions react-server):
// tsx --conditions react-server scripts/bench/export-worker.ts <workspaceId> <format> <stream|buffer>
// Prints one JSON line: collect and write times, bytes, peak heap and peak RSS.
import { collectReport } from "@/lib/exports/collect-report";
import { EXPORT_WRITERS, exportBytes } from "@/lib/exports/export-formats";
import { db } from "@/lib/db";
import type { ExportFormat } from "@/lib/validations/export";

const [workspaceId, format, mode] = process.argv.slice(2) as [string, ExportFormat, "stream" | "buffer"];
const owner = await db.user.findFirstOrThrow({
  where: { memberships: { some: { workspaceId, role: "owner" } } },
  select: { id: true, email: true, name: true },
});
// Warm the connection and the modules, then start measuring from a settled heap.
await collectReport(owner, {
  kind: "document",
  id: (await db.document.findFirstOrThrow({ where: { workspaceId } })).id,
});
global.gc?.();
const baseline = { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
let peakHeap = baseline.heap;
let peakRss = baseline.rss;
const sample = () => {
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakRss = Math.max(peakRss, usage.rss);
};
const sampler = setInterval(sample, 2);

const started = performance.now();
const report = await collectReport(owner, { kind: "workspace", id: workspaceId });
const collected = performance.now();
let bytes = 0;
let firstByteMs = 0;
const held: Uint8Array[] = [];
for await (const chunk of exportBytes(EXPORT_WRITERS[format].write(report, "http://localhost:3000"))) {
  if (!bytes) firstByteMs = performance.now() - started;
  bytes += chunk.byteLength;
  // "buffer" keeps every piece until the end, as a handler building one string would.
  if (mode === "buffer") held.push(chunk);
  sample();
}
const whole = mode === "buffer" ? Buffer.concat(held) : null;
sample();
const finished = performance.now();
clearInterval(sampler);
console.log(
  JSON.stringify({
    format,
    mode,
    collectMs: collected - started,
    writeMs: finished - collected,
    totalMs: finished - started,
    firstByteMs,
    bytes: whole?.byteLength ?? bytes,
    peakHeapMb: (peakHeap - baseline.heap) / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
  }),
);
await db.$disconnect();

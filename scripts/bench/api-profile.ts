// Where an authenticated API read spends its time: `next start` under the V8 CPU profiler,
// 600 sequential reads of a thread with a session cookie, then self time summed per
// source (framework, next-auth, Prisma, pg, our code). Run: npm run bench -- api-profile
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "../lib/test-database";
import { BENCH_PASSWORD, seedApiBench } from "./api-seed";
import { signIn } from "./sign-in";
import { startBenchApp } from "./bench-app";

type Node = { id: number; callFrame: { url: string; functionName: string } };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; endTime: number };

function bucketOf(url: string): string {
  if (!url) return "(V8/native: GC, idle, builtins)";
  if (url.includes("next-auth") || url.includes("jose") || url.includes("openid")) return "next-auth (JWT)";
  if (url.includes("@prisma") || url.includes("prisma")) return "Prisma";
  if (url.includes("/pg") || url.includes("pg-protocol")) return "pg driver";
  if (url.includes("next/dist") || url.includes("react")) return "Next.js / React";
  if (url.startsWith("node:")) return "Node core";
  if (url.includes(".next/server")) return "app bundle (our code + bundled deps)";
  return "other";
}

export async function benchApiProfile(): Promise<boolean> {
  const database = await createTestDatabase();
  const profileDir = mkdtempSync(path.join(tmpdir(), "cp-profile-"));
  try {
    const world = await seedApiBench(database.url);
    const app = await startBenchApp(database.url, { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` });
    const base = app.baseUrl;
    const cookie = await signIn(base, world.users[0]!.email, BENCH_PASSWORD);
    const read = async (id: string) => {
      const response = await fetch(`${base}/api/v1/annotations/${id}/thread`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`thread answered ${response.status}`);
    };
    for (let index = 0; index < 100; index += 1) await read(world.annotationIds[index % world.annotationIds.length]!);
    const started = performance.now();
    const COUNT = 600;
    for (let index = 0; index < COUNT; index += 1) await read(world.annotationIds[index % world.annotationIds.length]!);
    const measuredMs = performance.now() - started;
    console.log(`${COUNT} sequential thread reads: ${(measuredMs / COUNT).toFixed(2)} ms each`);
    await app.stop("SIGINT");
    const files = readdirSync(profileDir).filter((file) => file.endsWith(".cpuprofile"));
    const totals = new Map<string, number>();
    const functions = new Map<string, number>();
    let all = 0;
    for (const file of files) {
      const profile = JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as Profile;
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      // Only the samples of the measured reads (the last measuredMs before the server stopped),
      // not start-up and module loading.
      const timestamps: number[] = [];
      let at = profile.endTime;
      for (let index = profile.timeDeltas.length - 1; index >= 0; index -= 1) {
        timestamps[index] = at;
        at -= profile.timeDeltas[index]!;
      }
      const windowStart = profile.endTime - (measuredMs + 300) * 1000;
      profile.samples.forEach((id, index) => {
        const node = byId.get(id)!;
        if (timestamps[index]! < windowStart || node.callFrame.functionName === "(idle)") return;
        const bucket = bucketOf(node.callFrame.url);
        totals.set(bucket, (totals.get(bucket) ?? 0) + 1);
        const name = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.split("/").slice(-2).join("/")}`;
        functions.set(name, (functions.get(name) ?? 0) + 1);
        all += 1;
      });
    }
    console.table(
      [...totals]
        .sort((a, b) => b[1] - a[1])
        .map(([bucket, hits]) => ({ bucket, share: `${((hits / all) * 100).toFixed(1)} %` })),
    );
    console.table(
      [...functions]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([fn, hits]) => ({ fn: fn.slice(0, 110), share: `${((hits / all) * 100).toFixed(1)} %` })),
    );
  } finally {
    await database.dispose();
    rmSync(profileDir, { recursive: true, force: true });
  }
  return true;
}

import { execFileSync } from "node:child_process";
import path from "node:path";
import { createTestDatabase } from "../lib/test-database";
import { seedApiBench } from "./api-seed";

// Exports of a workspace of 4 documents, 1,000 annotations, 5,000 replies and 500 links,
// each format in a fresh process: time to collect (the database reads every format
// shares, the baseline), time to write, time to the first byte, and memory above the
// settled process — streamed to a sink as the API does, and, in the same run, held
// whole as a handler building one string would (the memory baseline).
const FORMATS = ["md", "csv", "json", "jsonld", "html", "aif", "argdown", "pdf"] as const;
const TARGET_MS: Record<string, number> = { md: 1000, csv: 1000, json: 1000, pdf: 10_000 };
const RUNS = 3;

type Figures = {
  format: string;
  collectMs: number;
  writeMs: number;
  totalMs: number;
  firstByteMs: number;
  bytes: number;
  peakHeapMb: number;
  peakRssMb: number;
};

function measure(url: string, workspaceId: string, format: string, mode: "stream" | "buffer"): Figures {
  const output = execFileSync(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions", "react-server", "scripts/bench/export-worker.ts", workspaceId, format, mode],
    {
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "--expose-gc" },
      encoding: "utf8",
    },
  );
  return JSON.parse(output.trim().split("\n").pop()!);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchExport(): Promise<boolean> {
  const database = await createTestDatabase();
  try {
    const world = await seedApiBench(database.url);
    console.log(
      `Workspace: 4 documents, ${world.annotationIds.length} annotations, ${world.replyIds.length} replies, 500 links. Median of ${RUNS} runs per format, each in a fresh process.`,
    );
    console.log(
      "format   | collect ms | write ms | total ms | first byte ms | size      | heap streamed MB | heap held whole MB | target",
    );
    let isMet = true;
    for (const format of FORMATS) {
      const runs = Array.from({ length: RUNS }, () => measure(database.url, world.workspaceId, format, "stream"));
      const held = measure(database.url, world.workspaceId, format, "buffer");
      const pick = (key: keyof Figures) => median(runs.map((run) => run[key] as number));
      const total = pick("totalMs");
      const target = TARGET_MS[format];
      const ok = target === undefined || total < target;
      isMet &&= ok;
      const size =
        pick("bytes") > 2 ** 20
          ? `${(pick("bytes") / 2 ** 20).toFixed(1)} MB`
          : `${Math.round(pick("bytes") / 1024)} KB`;
      console.log(
        `${format.padEnd(8)} | ${pick("collectMs").toFixed(0).padStart(10)} | ${pick("writeMs").toFixed(0).padStart(8)} | ${total.toFixed(0).padStart(8)} | ${pick("firstByteMs").toFixed(0).padStart(13)} | ${size.padStart(9)} | ${pick("peakHeapMb").toFixed(1).padStart(16)} | ${held.peakHeapMb.toFixed(1).padStart(18)} | ${target === undefined ? "—" : `< ${target} ms ${ok ? "met" : "NOT met"}`}`,
      );
    }
    return isMet;
  } finally {
    await database.dispose();
  }
}

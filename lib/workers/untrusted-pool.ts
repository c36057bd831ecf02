import path from "node:path";
import { AppError, type ErrorCode } from "@/lib/errors";
import { isPoolTaskFailed, ProcessPool, type ProcessPoolOptions } from "./process-pool";
import type { UntrustedTasks } from "./untrusted-tasks";

// The one pool for untrusted work: imports of every format, Markdown that people write,
// report files. Sizes and caps come from the environment (see ARCHITECTURE.md).
export function untrustedPoolOptions(env = process.env): ProcessPoolOptions {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    // Run from the project root both under `next start` and in tests: the entry is TypeScript
    // read by tsx, not part of the Next bundle.
    script: path.join(process.cwd(), "lib/workers/untrusted-worker.ts"),
    cwd: process.cwd(),
    size: number("UNTRUSTED_POOL_SIZE", 2),
    heapMb: number("UNTRUSTED_HEAP_MB", 512),
    rssMb: number("UNTRUSTED_RSS_MB", 1024),
    queueWaitMs: number("UNTRUSTED_QUEUE_WAIT_MS", 15_000),
  };
}

const globalForPool = globalThis as unknown as { untrustedPool?: ProcessPool };
export const untrustedPool = () => (globalForPool.untrustedPool ??= new ProcessPool(untrustedPoolOptions()));

// Starts the pool's processes and has each load its modules (at server start, and in tests
// before timing anything): two tasks at once land on two processes.
export async function warmUntrustedPool(): Promise<void> {
  const { size } = untrustedPoolOptions();
  await Promise.all(
    Array.from({ length: size }, () =>
      runUntrusted("extractDocument", [{ format: "text", content: "Warm." }], {
        deadlineMs: 60_000,
        tooComplex: "The pool could not start",
      }),
    ),
  );
}

export type UntrustedRun = {
  deadlineMs: number;
  // The first words of the 422 when the input is too deep, too slow or too big to handle.
  tooComplex: string;
  onEvent?: (payload: unknown) => void;
};

// Runs one task in the pool. Errors the task throws on purpose (AppError) arrive as they were
// thrown; a task stopped at its deadline or over its memory cap, or that overflowed its stack,
// is a 422 that says so; a full pool is a 503 with Retry-After.
export async function runUntrusted<K extends keyof UntrustedTasks>(
  task: K,
  params: Parameters<UntrustedTasks[K]>,
  { deadlineMs, tooComplex, onEvent }: UntrustedRun,
): Promise<Awaited<ReturnType<UntrustedTasks[K]>>> {
  try {
    return await untrustedPool().run<Awaited<ReturnType<UntrustedTasks[K]>>>(task, params, { deadlineMs, onEvent });
  } catch (error) {
    if (isPoolTaskFailed(error)) {
      if (error.reason === "busy")
        throw new AppError("unavailable", "The server is busy with other files; try again in a minute.", undefined, 30);
      const why =
        error.reason === "deadline"
          ? `it took longer than ${Math.round(deadlineMs / 1000)} seconds.`
          : `it needed more memory than allowed.`;
      throw new AppError("unprocessable", `${tooComplex}: ${why}`);
    }
    const thrown = error as { name?: string; code?: string; message?: string; fields?: Record<string, string[]> };
    if (thrown?.name === "AppError" && thrown.code)
      throw new AppError(thrown.code as ErrorCode, thrown.message ?? "", thrown.fields);
    if (thrown?.name === "RangeError" && /call stack/i.test(thrown.message ?? ""))
      throw new AppError("unprocessable", `${tooComplex}: it is nested too deeply.`);
    throw error;
  }
}

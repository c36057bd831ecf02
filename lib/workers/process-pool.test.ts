import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PoolTaskFailed, ProcessPool, type ProcessPoolOptions } from "./process-pool";

const script = path.resolve("tests/support/pool-test-worker.ts");
const pools: ProcessPool[] = [];
const makePool = (options: Partial<ProcessPoolOptions> = {}) => {
  const pool = new ProcessPool({
    script,
    cwd: process.cwd(),
    size: 1,
    heapMb: 128,
    rssMb: 400,
    queueWaitMs: 10_000,
    ...options,
  });
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof PoolTaskFailed ? error.reason : error),
  );
const gone = async (pid: number) => {
  for (let tries = 0; tries < 50 && isAlive(pid); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  return !isAlive(pid);
};

describe("the process pool", { timeout: 60_000 }, () => {
  it("passes parameters and results through whole: bytes, dates, nested objects", async () => {
    const pool = makePool();
    const value = { bytes: new Uint8Array([0, 1, 254, 255]), at: new Date("2024-02-29T12:00:00Z"), list: [{ a: "ü" }] };
    expect(await pool.run("echo", [value], { deadlineMs: 5000 })).toEqual(value);
  });

  it("kills a task at its deadline and carries on with a fresh process", async () => {
    const pool = makePool();
    const pid = await pool.run<number>("pid", [], { deadlineMs: 5000 });
    const started = performance.now();
    expect(await failure(pool.run("spin", [], { deadlineMs: 500 }))).toBe("deadline");
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await gone(pid)).toBe(true);
    expect(await pool.run("echo", ["again"], { deadlineMs: 5000 })).toBe("again");
  });

  it("kills a process whose resident memory passes the cap, though its heap is small", async () => {
    const pool = makePool({ rssMb: 200 });
    const pid = await pool.run<number>("pid", [], { deadlineMs: 5000 });
    const parentRss = process.memoryUsage().rss;
    const started = performance.now();
    expect(await failure(pool.run("fillMemory", [2048], { deadlineMs: 30_000 }))).toBe("memory");
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await gone(pid)).toBe(true);
    expect(process.memoryUsage().rss - parentRss).toBeLessThan(100 * 2 ** 20);
  });

  it("ends a process that outgrows its V8 heap", async () => {
    const pool = makePool({ heapMb: 64, rssMb: 4096 });
    expect(await failure(pool.run("fillHeap", [], { deadlineMs: 30_000 }))).toBe("memory");
    expect(await pool.run("echo", [1], { deadlineMs: 5000 })).toBe(1);
  });

  it("bounds the wait for a free process", async () => {
    const pool = makePool({ queueWaitMs: 300 });
    await pool.run("echo", [0], { deadlineMs: 5000 }); // started and warm
    const spinning = failure(pool.run("spin", [], { deadlineMs: 4000 }));
    const started = performance.now();
    expect(await failure(pool.run("echo", [1], { deadlineMs: 5000 }))).toBe("busy");
    expect(performance.now() - started).toBeLessThan(1500);
    expect(await spinning).toBe("deadline");
  });
});

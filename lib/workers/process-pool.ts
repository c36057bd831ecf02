import { readFileSync } from "node:fs";
import workerpool from "workerpool";
import { TASK_STARTED } from "./task-started";

// A small pool of child processes for work that must not run on the server's event loop.
// Each process has a V8 heap cap (--max-old-space-size) and a resident-memory cap that the
// parent enforces (a decompressed ArrayBuffer is not on the heap): every 50 ms it reads
// /proc/<pid>/status and kills a child over the cap. Each task has a deadline (the child is
// killed when it passes, counted from the task's TASK_STARTED signal, after its process has
// started and loaded what it needs) and waits for a free process at most `queueWaitMs`.
export type ProcessPoolOptions = {
  script: string; // a TypeScript worker entry, run by tsx
  cwd: string;
  size: number;
  heapMb: number;
  rssMb: number;
  queueWaitMs: number;
};

export type PoolFailure = "deadline" | "memory" | "busy";

// Why a task produced no result, as opposed to an error thrown by the task itself.
export class PoolTaskFailed extends Error {
  constructor(readonly reason: PoolFailure) {
    super(`The task was stopped (${reason}).`);
    this.name = "PoolTaskFailed";
  }
}

// By name, not instanceof: Next bundles each route with its own copy of this module, while
// the pool (one per server, on globalThis) throws the copy's class that created it.
export const isPoolTaskFailed = (error: unknown): error is PoolTaskFailed =>
  error instanceof Error && error.name === "PoolTaskFailed" && "reason" in error;

export type RunOptions = { deadlineMs: number; onEvent?: (payload: unknown) => void };

type Child = {
  pid?: number;
  kill(signal?: NodeJS.Signals): boolean;
  ref(): void;
  unref(): void;
  channel?: { ref(): void; unref(): void } | null;
};
type Handler = { worker?: Child };
const WATCH_EVERY_MS = 50;
// How long a process may take to start and load its modules before the deadline counts.
const STARTUP_ALLOWANCE_MS = 30_000;

export class ProcessPool {
  private readonly pool: workerpool.Pool;
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private readonly watchdog: NodeJS.Timeout;

  constructor(private readonly options: ProcessPoolOptions) {
    this.pool = workerpool.pool(options.script, {
      workerType: "process",
      maxWorkers: options.size,
      minWorkers: options.size,
      workerTerminateTimeout: 100,
      forkOpts: {
        cwd: options.cwd,
        // Structured clone over IPC: bytes stay bytes, results pass through whole.
        serialization: "advanced",
        execArgv: ["--import", "tsx", "--conditions", "react-server", `--max-old-space-size=${options.heapMb}`],
      },
    });
    this.watchdog = setInterval(() => this.killOverCap(), WATCH_EVERY_MS);
    this.watchdog.unref();
  }

  // Runs `method` of the worker script with `params` in a child process. A process that
  // died before the task began its work (not the input's doing) is replaced and tried again.
  async run<T>(method: string, params: unknown[], options: RunOptions): Promise<T> {
    await this.acquire();
    try {
      for (let attempt = 1; ; attempt += 1) {
        const outcome = await this.attempt<T>(method, params, options);
        if (outcome.done) return outcome.value;
        if (attempt === 2) throw outcome.error;
      }
    } finally {
      this.release();
    }
  }

  private async attempt<T>(
    method: string,
    params: unknown[],
    { deadlineMs, onEvent }: RunOptions,
  ): Promise<{ done: true; value: T } | { done: false; error: unknown }> {
    let clock: NodeJS.Timeout | undefined;
    let expired = false;
    const task = this.pool.exec(method, params, {
      on: (payload: unknown) => {
        if (payload !== TASK_STARTED) return onEvent?.(payload);
        clock ??= setTimeout(() => {
          expired = true;
          task.cancel(); // rejects, and kills the process
        }, deadlineMs);
      },
    });
    try {
      return { done: true, value: (await task.timeout(deadlineMs + STARTUP_ALLOWANCE_MS)) as T };
    } catch (error) {
      if (expired || error instanceof workerpool.Promise.TimeoutError) throw new PoolTaskFailed("deadline");
      const died = error instanceof Error && /^Workerpool Worker/i.test(error.message);
      if (died && !clock) return { done: false, error };
      // Killed by the watchdog, or V8 ran out of heap: either way, over the memory cap.
      if (died) throw new PoolTaskFailed("memory");
      throw error;
    } finally {
      clearTimeout(clock);
    }
  }

  // Pids of the live child processes (for tests and the watchdog).
  pids(): number[] {
    return this.children().map((child) => child.pid!);
  }

  async close(): Promise<void> {
    clearInterval(this.watchdog);
    await this.pool.terminate(true);
  }

  private children(): Child[] {
    const handlers = (this.pool as unknown as { workers: Handler[] }).workers;
    return handlers.map((handler) => handler.worker).filter((child): child is Child => Boolean(child?.pid));
  }

  // Idle processes do not keep the parent alive (a script or a test run may end); busy ones do.
  private holdOpen() {
    for (const child of this.children()) {
      if (this.running > 0) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.size) {
      this.running += 1;
      this.holdOpen();
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        this.running += 1;
        this.holdOpen();
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        reject(new PoolTaskFailed("busy"));
      }, this.options.queueWaitMs);
      this.waiting.push(grant);
    });
  }

  private release() {
    this.running -= 1;
    this.waiting.shift()?.();
    this.holdOpen();
  }

  private killOverCap() {
    this.holdOpen(); // processes started since the last look
    for (const child of this.children()) {
      const rssMb = residentMb(child.pid!);
      if (rssMb !== undefined && rssMb > this.options.rssMb) child.kill("SIGKILL");
    }
  }
}

// VmRSS of a process in MiB, or undefined where /proc cannot tell (not Linux, or gone).
function residentMb(pid: number): number | undefined {
  try {
    const kb = readFileSync(`/proc/${pid}/status`, "latin1").match(/^VmRSS:\s+(\d+) kB/m)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

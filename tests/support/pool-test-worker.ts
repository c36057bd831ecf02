// A worker script for lib/workers/process-pool.test.ts: tasks that misbehave on purpose.
import workerpool from "workerpool";
import { signalTaskStarted } from "@/lib/workers/task-started";

workerpool.worker({
  echo(value: unknown) {
    signalTaskStarted();
    return value;
  },
  pid() {
    signalTaskStarted();
    return process.pid;
  },
  // Busy for ever, never yielding to its event loop.
  spin() {
    signalTaskStarted();
    for (;;);
  },
  // Resident memory outside the V8 heap (as inflated PDF streams are): only the watchdog sees it.
  fillMemory(mb: number) {
    signalTaskStarted();
    const held: Buffer[] = [];
    for (let index = 0; index < mb; index += 1) held.push(Buffer.alloc(2 ** 20, 1));
    for (;;);
  },
  // Objects on the V8 heap until --max-old-space-size ends the process.
  fillHeap() {
    signalTaskStarted();
    const held: string[][] = [];
    for (let index = 0; ; index += 1) held.push(Array.from({ length: 1000 }, (_, item) => `${index}:${item}`));
  },
});

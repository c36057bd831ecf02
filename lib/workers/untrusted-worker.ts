// Entry point of each process of the untrusted-work pool, run as
// `node --import tsx --conditions react-server lib/workers/untrusted-worker.ts`.
import workerpool from "workerpool";
import { UNTRUSTED_TASKS, warmUp } from "./untrusted-tasks";

workerpool.worker(UNTRUSTED_TASKS);
void warmUp();

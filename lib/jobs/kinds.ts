import type { Queue } from "pg-boss";
import { jobSettings } from "./settings";

// Every kind of background work, in one place: its queue (retries, expiry, heartbeat),
// how many run at once per process, and the data a job carries. A new kind (notification
// emails, digests) is a line here and a handler in handlers.ts; the type below makes the
// two agree.
export type JobData = {
  // Write one export (an ExportJob row) and store the file in the row.
  "export.run": { exportJobId: string; baseUrl: string };
  // An export whose every attempt failed or died: its row is marked failed.
  "export.dead": { exportJobId: string; baseUrl: string };
  // Delete stored exports older than their expiry (scheduled).
  "export.expire": Record<string, never>;
};
export type JobKind = keyof JobData;

export type JobKindSettings = {
  queue: Omit<Queue, "name">;
  // Jobs of this kind running at once in one process.
  concurrency: number;
  // A cron expression (UTC) when the kind runs on a schedule.
  cron?: string;
};

export function jobKinds(): Record<JobKind, JobKindSettings> {
  const settings = jobSettings();
  return {
    "export.run": {
      queue: {
        // A worker that dies (kill -9, a crash, a lost connection) stops its heartbeat; the
        // job is then retried by another worker or by this one after a restart.
        heartbeatSeconds: settings.heartbeatSeconds,
        expireInSeconds: 30 * 60,
        retryLimit: 3,
        retryDelay: 2,
        retryBackoff: true,
        deadLetter: "export.dead",
        deleteAfterSeconds: 7 * 24 * 60 * 60,
      },
      concurrency: settings.exportConcurrency,
    },
    "export.dead": { queue: { retryLimit: 5, retryDelay: 5 }, concurrency: 1 },
    "export.expire": { queue: { retryLimit: 1, expireInSeconds: 10 * 60 }, concurrency: 1, cron: "*/10 * * * *" },
  };
}

// Dead-letter queues are created before the queues that name them.
export const JOB_KINDS: JobKind[] = ["export.dead", "export.run", "export.expire"];

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
  // Mail these notifications to recipients who want them at once (lib/mail).
  "mail.notification": { notificationIds: string[] };
  // Mail an invitation with its accept link (sealed with the app secret while it waits).
  "mail.invitation": { invitationId: string; sealedPath: string };
  // The daily digest (scheduled).
  "mail.digest": Record<string, never>;
  // Instant mails that no job sent (scheduled).
  "mail.sweep": Record<string, never>;
  // (Re)build a document's passage index for suggested links (lib/suggestions).
  "suggest.index": { documentId: string };
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
  // A mail server that is down fails the job; it is retried with backoff until it accepts.
  const mailQueue = {
    retryLimit: 30,
    retryDelay: settings.mailRetrySeconds,
    retryBackoff: true,
    retryDelayMax: settings.mailRetryMaxSeconds,
    expireInSeconds: 15 * 60,
    deleteAfterSeconds: 7 * 24 * 60 * 60,
  };
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
    "mail.notification": { queue: mailQueue, concurrency: 2 },
    "mail.invitation": { queue: mailQueue, concurrency: 2 },
    "mail.digest": { queue: { ...mailQueue, expireInSeconds: 60 * 60 }, concurrency: 1, cron: settings.mailDigestCron },
    "mail.sweep": { queue: { retryLimit: 0, expireInSeconds: 15 * 60 }, concurrency: 1, cron: "*/5 * * * *" },
    "suggest.index": {
      queue: {
        retryLimit: 5,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: 15 * 60,
        deleteAfterSeconds: 24 * 60 * 60,
      },
      concurrency: 1,
    },
  };
}

// Dead-letter queues are created before the queues that name them.
export const JOB_KINDS: JobKind[] = [
  "export.dead",
  "export.run",
  "export.expire",
  "mail.notification",
  "mail.invitation",
  "mail.digest",
  "mail.sweep",
  "suggest.index",
];

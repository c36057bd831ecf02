import type { PgBoss } from "pg-boss";
import { JOB_HANDLERS } from "./handlers";
import { JOB_KINDS, jobKinds } from "./kinds";
import { jobSettings } from "./settings";

// Works on every kind of job in this process, each with its own concurrency, and puts the
// scheduled kinds on their schedules (pg-boss runs a schedule once across all processes).
export async function startWorkers(boss: PgBoss) {
  const kinds = jobKinds();
  const { pollingSeconds } = jobSettings();
  for (const kind of JOB_KINDS) {
    const { concurrency, cron } = kinds[kind];
    const handle = JOB_HANDLERS[kind] as (
      data: unknown,
      attempt: { retryCount: number; retryLimit: number },
    ) => Promise<void>;
    await boss.work(
      kind,
      {
        localConcurrency: concurrency,
        batchSize: 1,
        pollingIntervalSeconds: pollingSeconds,
        // A retry that comes due sends no NOTIFY: keep polling at the base rate (pg-boss would slow to 30 s).
        notifyPollingIntervalSeconds: pollingSeconds,
        includeMetadata: true,
      },
      async ([job]) => {
        if (job) await handle(job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit });
      },
    );
    if (cron) await boss.schedule(kind, cron, {}, { tz: "UTC" });
  }
}

// The queue's settings, from the environment (read when used, so a test can change them).
const number = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export function jobSettings() {
  return {
    // Whether this process works on jobs (JOB_WORKERS=0: it only enqueues).
    workers: process.env.JOB_WORKERS !== "0",
    // How often a process looks for jobs whose worker died and for jobs past their expiry.
    superviseSeconds: number("JOB_SUPERVISE_SECONDS", 15),
    // A running job's worker writes a heartbeat; a job silent this long is retried (pg-boss minimum 10).
    // Generous, because a long synchronous step (a big PDF section) holds the heartbeat back too.
    heartbeatSeconds: Math.max(10, number("JOB_HEARTBEAT_SECONDS", 30)),
    // Idle workers ask for work this often (a new job also wakes them through LISTEN/NOTIFY).
    pollingSeconds: number("JOB_POLLING_SECONDS", 2),
    exportConcurrency: number("EXPORT_CONCURRENCY", 2),
    // Queued or running exports one person may have at once (more: 429).
    exportsPerUser: number("EXPORTS_PER_USER", 3),
    // Bytes of finished exports one person may keep at once (more: 413).
    exportQuotaBytes: number("EXPORT_QUOTA_BYTES", 200 * 1024 * 1024),
    // How long a finished export is kept.
    exportKeepHours: number("EXPORT_KEEP_HOURS", 24),
    // A mail the SMTP server did not accept is tried again after this many seconds, doubling
    // up to MAIL_RETRY_MAX_SECONDS (30 attempts: over a day of outage loses nothing).
    mailRetrySeconds: number("MAIL_RETRY_SECONDS", 10),
    mailRetryMaxSeconds: number("MAIL_RETRY_MAX_SECONDS", 3600),
    // When the daily digest goes out (cron, UTC).
    mailDigestCron: process.env.MAIL_DIGEST_CRON?.trim() || "0 7 * * *",
  };
}

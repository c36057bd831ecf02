// What a Counterpoint server does as it starts, in the Node runtime (instrumentation.ts): it ends
// with whoever started it or reads its output, its untrusted-work pool starts, and it works on
// the job queue (lib/jobs), so jobs left by a server that died are picked up when one starts again.
import { exitWhenOutputIsGone, exitWithSupervisor } from "./process-lifecycle";

export async function startNodeServer() {
  exitWhenOutputIsGone();
  void warmPool();
  if (process.env.DATABASE_URL) {
    const { jobQueue } = await import("@/lib/jobs/boss");
    void jobQueue({ work: true }).catch((error) => console.error("The job queue could not start:", error));
  }
  const supervisor = Number(process.env.COUNTERPOINT_SUPERVISOR_PID);
  if (supervisor) exitWithSupervisor(supervisor);
}

// The untrusted-work pool's processes start with the server, so the first import is not slow.
async function warmPool() {
  const { warmUntrustedPool } = await import("@/lib/workers/untrusted-pool");
  await warmUntrustedPool().catch((error) => console.error("The untrusted-work pool did not start:", error));
}

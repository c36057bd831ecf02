// Runs once when the Next.js server starts. Started by `npm start`, the app exits when that
// supervising process is gone (killed outright, it could not stop us): no orphaned server
// keeps the port or its event streams. The untrusted-work pool starts with it. Every server also works on the job queue
// (lib/jobs), so jobs left by a server that died are picked up when one starts again.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  exitWhenOutputIsGone();
  void warmPool();
  if (process.env.DATABASE_URL) {
    const { jobQueue } = await import("./lib/jobs/boss");
    void jobQueue({ work: true }).catch((error) => console.error("The job queue could not start:", error));
  }
  const supervisor = Number(process.env.COUNTERPOINT_SUPERVISOR_PID);
  if (!supervisor) return;
  const timer = setInterval(() => {
    try {
      process.kill(supervisor, 0);
    } catch {
      console.error(`The process that started Counterpoint (${supervisor}) is gone; stopping.`);
      process.exit(1);
    }
  }, 1_000);
  timer.unref();
}

// The untrusted-work pool's processes start with the server, so the first import is not slow.
async function warmPool() {
  const { warmUntrustedPool } = await import("@/lib/workers/untrusted-pool");
  await warmUntrustedPool().catch((error) => console.error("The untrusted-work pool did not start:", error));
}

// When whatever reads our output is gone (a killed test run or terminal), every log line fails
// with EPIPE, and the failure is logged again by the server's own error handlers: a loop that
// kept a core busy in an orphaned server. Nobody is listening to us any more: stop.
function exitWhenOutputIsGone() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") process.exit(1);
    });
  }
}

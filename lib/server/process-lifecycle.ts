// How a Counterpoint server ends when nobody needs it any more (Node runtime only; loaded by
// instrumentation.ts): no orphaned server keeps the port, its event streams or a core.

// Started by `npm start`, the app exits when that supervising process is gone (killed outright,
// it could not stop us).
export function exitWithSupervisor(supervisor: number) {
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

// When whatever reads our output is gone (a killed test run or terminal), every log line fails
// with EPIPE, and the failure is logged again by the server's own error handlers: a loop that
// kept a core busy in an orphaned server. Nobody is listening to us any more: stop.
export function exitWhenOutputIsGone() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") process.exit(1);
    });
  }
}

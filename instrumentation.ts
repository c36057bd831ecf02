// Runs once when the Next.js server starts: lib/server/start-node-server.ts, in the Node runtime
// only. Imported inside the runtime check, as Next.js documents, so the Edge build leaves the
// Node-only code out.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServer } = await import("./lib/server/start-node-server");
    await startNodeServer();
  }
}

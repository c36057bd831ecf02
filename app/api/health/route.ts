import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// For load balancers and the start script: is the app up and its database reachable?
export async function GET() {
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok", latencyMs: Math.round(performance.now() - started) });
  } catch (error) {
    console.error("[health] database unreachable:", error);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}

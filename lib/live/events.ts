import "server-only";
import { db } from "@/lib/db";

// What changed, never the content: a client that hears of a change re-reads it
// through the API, which applies that client's own permissions.
export type LiveEvent = {
  workspaceId: string;
  documentIds: string[];
  type:
    | "annotation.created"
    | "annotation.updated"
    | "annotation.deleted"
    | "reply.created"
    | "reply.updated"
    | "vote.changed"
    | "link.created"
    | "link.deleted"
    | "moderation"
    | "presence";
  id: string;
  // The thread a reply or vote belongs to: an annotation or a link.
  threadId?: string;
};

export const LIVE_CHANNEL = "counterpoint_live";

// NOTIFY is delivered when the surrounding transaction commits (or at once
// outside one), to every app instance listening on the shared database.
type Executor = { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> };

export async function publishEvent(event: LiveEvent, executor: Executor = db) {
  await executor.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
}

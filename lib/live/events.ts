import "server-only";
import { db } from "@/lib/db";
import type { ItemStatus } from "@/lib/policies/item-visibility";

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
  // Who may hear of it, when not everyone who reads the workspace: the item's moderation
  // status and author, judged by the one visibility rule (canSeeItem) for each reader. A
  // pending reply's id reaches its author and the moderators, nobody else.
  audience?: ItemAudience;
  // Its row in the event log (LiveEventLog.id), the Server-Sent Event id; not on presence.
  seq?: string;
};
export type ItemAudience = { status: ItemStatus; authorId: string };

// The audience of an event about an item, or none when everyone may hear of it.
export const audienceOf = (item: { status: ItemStatus; authorId: string }): ItemAudience | undefined =>
  item.status === "visible" ? undefined : { status: item.status, authorId: item.authorId };

export const LIVE_CHANNEL = "counterpoint_live";
// The first key of the advisory lock that orders a workspace's events (see publishEvent).
const EVENT_ORDER_LOCK = 1279874629;

// NOTIFY is delivered when the surrounding transaction commits (or at once
// outside one), to every app instance listening on the shared database.
type Executor = { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> };

// Logs the event and notifies, in one statement of the writing transaction: both happen only
// if the change commits. The workspace's advisory lock, held to the commit, makes its events
// commit in the order of their ids, so "every event after id N" (a reconnecting reader's
// Last-Event-ID) never skips one that committed late.
export async function publishEvent(event: LiveEvent, executor: Executor = db) {
  const payload = {
    id: event.id,
    ...(event.threadId ? { threadId: event.threadId } : {}),
    ...(event.audience ? { audience: event.audience } : {}),
  };
  await executor.$executeRaw`
    WITH ordered AS (SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK}::int, hashtext(${event.workspaceId}))),
    logged AS (
      INSERT INTO "LiveEventLog" ("workspaceId", "documentIds", type, payload)
      SELECT ${event.workspaceId}, ${event.documentIds}::text[], ${event.type}, ${JSON.stringify(payload)}::jsonb
      FROM ordered
      RETURNING id
    )
    SELECT pg_notify(${LIVE_CHANNEL}, (${JSON.stringify(event)}::jsonb || jsonb_build_object('seq', logged.id::text))::text)
    FROM logged`;
}

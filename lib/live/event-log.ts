import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemAudience, LiveEvent } from "./events";

// The log of live events (LiveEventLog, written by publishEvent in the writing transaction)
// read back: what a reconnecting stream missed, and what this instance missed while its
// LISTEN connection was down. Kept for a window of minutes, then pruned.
export const REPLAY_WINDOW_MS = Number(process.env.LIVE_REPLAY_WINDOW_MS ?? 15 * 60_000);
const MAX_ROWS = 100_000;
// A reader that missed more than this reloads instead: cheaper than a flood of re-reads.
export const MAX_REPLAY = 1_000;

type Row = {
  seq: string;
  workspaceId: string;
  documentIds: string[];
  type: string;
  payload: { id: string; threadId?: string; audience?: ItemAudience };
};
type Window = { oldest: string | null; newest: string | null; events: Row[] | null };

const toEvent = (row: Row): LiveEvent => ({
  workspaceId: row.workspaceId,
  documentIds: row.documentIds,
  type: row.type as LiveEvent["type"],
  id: row.payload.id,
  ...(row.payload.threadId ? { threadId: row.payload.threadId } : {}),
  ...(row.payload.audience ? { audience: row.payload.audience } : {}),
  seq: row.seq,
});

// A cursor from a client: a log id, or nothing usable.
export function parseCursor(value: string | null | undefined): bigint | null {
  return value && /^\d{1,18}$/.test(value) ? BigInt(value) : null;
}

// Every event after `after` is still in the log when the oldest row kept is at most one past
// it (pruning removes a prefix of ids), and the cursor is not from the future. An empty log
// knows only the cursor 0.
function isCovered(after: bigint, { oldest, newest }: Pick<Window, "oldest" | "newest">) {
  if (oldest === null || newest === null) return after === 0n;
  return after >= BigInt(oldest) - 1n && after <= BigInt(newest);
}

export type Replay = { head: string; missed: LiveEvent[] | "reload" | null };

// What a stream that reconnects after `cursor` missed in a workspace (in id order), and the
// log's head (the newest id: a stream's cursor when it has heard nothing yet). One statement,
// so pruning cannot fall between the check and the read. "reload" when the cursor is unknown
// or older than the window, or the reader missed too much.
export async function readReplay(workspaceId: string, cursor: string | null | undefined): Promise<Replay> {
  if (cursor === undefined || cursor === null) return { head: String(await readLogHead()), missed: null };
  const after = parseCursor(cursor);
  if (after === null) return { head: String(await readLogHead()), missed: "reload" };
  const window = await readWindow(Prisma.sql`"workspaceId" = ${workspaceId} AND id > ${after}`, MAX_REPLAY + 1);
  const head = window.newest ?? "0";
  const events = window.events ?? [];
  if (!isCovered(after, window) || events.length > MAX_REPLAY) return { head, missed: "reload" };
  return { head, missed: events.map(toEvent) };
}

// Everything logged after `after`, and what was logged since `since` (a transaction that took
// its id earlier may commit later): the caller skips what it has already delivered. "reload"
// when some of it has been pruned already.
export async function readLogAfter(after: bigint, since: Date): Promise<LiveEvent[] | "reload"> {
  const window = await readWindow(Prisma.sql`id > ${after} OR "createdAt" > ${since}`, MAX_ROWS);
  if (!isCovered(after, window)) return "reload";
  return (window.events ?? []).map(toEvent);
}

export async function readLogHead(): Promise<bigint> {
  const [row] = await db.$queryRaw<{ newest: string | null }[]>`SELECT max(id)::text AS newest FROM "LiveEventLog"`;
  return BigInt(row?.newest ?? 0);
}

// Drops the events older than the window (and beyond the newest MAX_ROWS), always a prefix of
// ids, and never the newest row (it tells a cursor at the head from one that is unknown).
export async function pruneLog(windowMs = REPLAY_WINDOW_MS) {
  const horizon = new Date(Date.now() - windowMs);
  return db.$executeRaw`
    DELETE FROM "LiveEventLog"
    WHERE id < greatest(
      coalesce((SELECT min(id) FROM "LiveEventLog" WHERE "createdAt" > ${horizon}), (SELECT max(id) FROM "LiveEventLog")),
      (SELECT max(id) FROM "LiveEventLog") - ${MAX_ROWS}
    )`;
}

// The log's oldest and newest ids, and the events that match `where` (in id order, at most `limit`),
// in one statement.
async function readWindow(where: Prisma.Sql, limit: number): Promise<Window> {
  const [window] = await db.$queryRaw<Window[]>`
    SELECT (SELECT min(id) FROM "LiveEventLog")::text AS oldest,
           (SELECT max(id) FROM "LiveEventLog")::text AS newest,
           (SELECT coalesce(json_agg(e ORDER BY e.seq::bigint), '[]'::json) FROM (
              SELECT id::text AS seq, "workspaceId", "documentIds", type, payload
              FROM "LiveEventLog"
              WHERE ${where}
              ORDER BY id
              LIMIT ${limit}
           ) e) AS events`;
  return window!;
}

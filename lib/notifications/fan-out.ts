import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIVE_CHANNEL } from "@/lib/live/events";
import { visibleItemSql } from "@/lib/policies/item-visibility";
import { rolesWith } from "@/lib/policies/workspace-policy";
import { queueNotificationMail } from "@/lib/mail/queue-notification-mail";
import type { NotificationKind } from "./kinds";
import type { NotificationData } from "./types";

// Writes the notifications of one event in one statement of the event's own transaction
// (INSERT … SELECT over the candidates, whatever their number), and tells each recipient's
// open bell streams (pg_notify, delivered on commit). Rules, all decided in that SQL:
// - nobody is notified of their own action;
// - only members of the workspace are notified (people who left are not), except of an
//   invitation, which is to someone who is not one yet;
// - only of what they may see: every item the notification points to must pass the one
//   visibility rule (lib/policies/item-visibility) for that recipient, with "may moderate"
//   from the policy table (hidden items reach moderators only, pending ones their authors);
// - once per event: `key` names the event and is unique per recipient. Candidates carry a
//   rank; one named for several reasons (mentioned, and replied to, and following) gets
//   the notification of the lowest rank only.

type Executor = {
  $queryRaw: <T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => Promise<T>;
  // For the mail job enqueued in the same transaction (lib/mail/queue-notification-mail.ts).
  $queryRawUnsafe: <T = unknown>(query: string, ...values: unknown[]) => Promise<T>;
};

// An item the recipient must be allowed to see for the notification to be written.
// Its context comes with it: a passage's document, a link's two passages.
export type SeenItem = { table: "Annotation" | "PassageLink" | "Reply" | "Document"; id: string };

export type FanOut = {
  // SQL selecting the candidates: columns "userId" (text), kind (text), rank (int).
  candidates: Prisma.Sql;
  actorId: string | null;
  workspaceId: string;
  key: string;
  targets?: {
    documentId?: string | null;
    annotationId?: string | null;
    replyId?: string | null;
    linkId?: string | null;
    invitationId?: string | null;
  };
  data?: NotificationData;
  seen?: SeenItem[];
  // Invitations only: the recipient is not a member yet.
  membersOnly?: boolean;
};

// NOTIFICATIONS=off turns writing them off (the benchmark compares write latency with and without).
export const notificationsEnabled = () => process.env.NOTIFICATIONS !== "off";

// Recipients per notice: PostgreSQL refuses payloads over 8,000 bytes.
const USERS_PER_NOTICE = 200;

// One candidate per row: `${rank} ${kind}` pairs built from plain lists.
export const candidatesOf = (userIds: (string | null | undefined)[], kind: NotificationKind, rank: number) =>
  Prisma.sql`SELECT unnest(${userIds.filter((id): id is string => Boolean(id))}::text[]) AS "userId", ${kind}::text AS kind, ${rank}::int AS rank`;

const canModerateSql = Prisma.sql`(m.role::text = ANY(${rolesWith("moderate")}::text[]))`;

const sees = (alias: string, authorColumn: string) =>
  visibleItemSql(alias, authorColumn, Prisma.sql`c."userId"`, canModerateSql);

// A passage is seen in a live document; a link only with both of its passages.
const passageSeen = (alias: string) =>
  Prisma.sql`${Prisma.raw(alias)}."deletedAt" IS NULL AND ${sees(alias, "creatorId")}
    AND EXISTS (SELECT 1 FROM "Document" d WHERE d.id = ${Prisma.raw(alias)}."documentId" AND d."deletedAt" IS NULL)`;

function seenSql(item: SeenItem): Prisma.Sql {
  switch (item.table) {
    case "Document":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Document" d WHERE d.id = ${item.id} AND d."deletedAt" IS NULL)`;
    case "Annotation":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" a WHERE a.id = ${item.id} AND ${passageSeen("a")})`;
    case "Reply":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Reply" r WHERE r.id = ${item.id} AND r."deletedAt" IS NULL AND ${sees("r", "authorId")})`;
    case "PassageLink":
      return Prisma.sql`EXISTS (
        SELECT 1 FROM "PassageLink" l
        JOIN "Annotation" fa ON fa.id = l."fromAnnotationId" JOIN "Annotation" ta ON ta.id = l."toAnnotationId"
        WHERE l.id = ${item.id} AND l."deletedAt" IS NULL AND ${sees("l", "creatorId")}
          AND ${passageSeen("fa")} AND ${passageSeen("ta")})`;
  }
}

export async function fanOut(executor: Executor, event: FanOut): Promise<number> {
  if (!notificationsEnabled()) return 0;
  const targets = event.targets ?? {};
  const seen = (event.seen ?? []).map(seenSql);
  const membership =
    event.membersOnly === false
      ? Prisma.sql`LEFT JOIN "Membership" m ON m."workspaceId" = ${event.workspaceId} AND m."userId" = c."userId"`
      : Prisma.sql`JOIN "Membership" m ON m."workspaceId" = ${event.workspaceId} AND m."userId" = c."userId"`;
  const [row] = await executor.$queryRaw<{ written: number; ids: string[] }[]>(Prisma.sql`
    WITH c AS (
      SELECT DISTINCT ON ("userId") "userId", kind FROM (${event.candidates}) candidates
      WHERE "userId" IS NOT NULL AND "userId" IS DISTINCT FROM ${event.actorId}
      ORDER BY "userId", rank
    ),
    inserted AS (
      INSERT INTO "Notification" (id, "recipientId", "actorId", "workspaceId", kind, "documentId", "annotationId",
                                  "replyId", "linkId", "invitationId", data, key)
      SELECT gen_random_uuid()::text, c."userId", ${event.actorId}, ${event.workspaceId}, c.kind,
             ${targets.documentId ?? null}, ${targets.annotationId ?? null}, ${targets.replyId ?? null},
             ${targets.linkId ?? null}, ${targets.invitationId ?? null}, ${JSON.stringify(event.data ?? {})}::jsonb, ${event.key}
      FROM c
      JOIN "User" u ON u.id = c."userId"
      ${membership}
      WHERE ${seen.length ? Prisma.join(seen, " AND ") : Prisma.sql`TRUE`}
      ON CONFLICT ("recipientId", key) DO NOTHING
      RETURNING id, "recipientId"
    ),
    notices AS (
      SELECT pg_notify(${LIVE_CHANNEL}, json_build_object('type', 'notification', 'userIds', json_agg("recipientId"))::text)
      FROM (SELECT "recipientId", (row_number() OVER () - 1) / ${USERS_PER_NOTICE} AS chunk FROM inserted) numbered
      GROUP BY chunk
    )
    SELECT (SELECT count(*) FROM inserted)::int AS written, (SELECT count(*) FROM notices)::int AS notices,
           (SELECT coalesce(array_agg(id), '{}') FROM inserted) AS ids`);
  await queueNotificationMail(executor, row?.ids ?? []);
  return row?.written ?? 0;
}

// Tells a user's bells that their notifications changed (read elsewhere), on commit.
export async function announceToUser(executor: Executor, userId: string) {
  await executor.$queryRaw(
    Prisma.sql`SELECT count(*)::int AS sent FROM (SELECT pg_notify(${LIVE_CHANNEL}, json_build_object('type', 'notification', 'userIds', json_build_array(${userId}::text))::text)) notice`,
  );
}

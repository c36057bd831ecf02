import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { absoluteUrl } from "./config";
import { effectiveDeliverySql } from "./delivery-settings";
import { loadMailable, lockUnmailed, MAIL_TRANSACTION, markEmailed } from "./mail-notifications";
import { digestMail } from "./templates/digest-mail";
import { sendMail } from "./transport";
import { oneClickUnsubscribePath, signUnsubscribeToken, unsubscribePath } from "./unsubscribe-token";

// A digest gathers what a previous digest did not: un-mailed digest-mode notifications of the
// last day — or, after an outage of the mail server or the queue, of up to a week.
const LOOK_BACK = Prisma.sql`interval '7 days'`;

// The daily digest: one mail per person gathering their digest-mode notifications not yet
// mailed, created before `until`. Each person's mail is sent and its notifications marked in
// one transaction: a failure leaves that person (and those after) to the job's next attempt,
// and nobody gets a second digest for what one already carried.
export async function sendDigests(until = new Date()): Promise<{ sent: number; notifications: number }> {
  const window = Prisma.sql`n."createdAt" <= ${until} AND n."createdAt" > ${until}::timestamptz - ${LOOK_BACK}`;
  const recipients = await db.$queryRaw<{ recipientId: string }[]>`
    SELECT DISTINCT n."recipientId" FROM "Notification" n
    LEFT JOIN "NotificationSetting" s ON s."userId" = n."recipientId" AND s.kind = n.kind
    WHERE n."emailedAt" IS NULL AND ${window}
      AND ${effectiveDeliverySql("n", "s")} = 'digest'`;
  let sent = 0;
  let notifications = 0;
  for (const { recipientId } of recipients) {
    const count = await db.$transaction((tx) => sendDigest(tx, recipientId, window), MAIL_TRANSACTION);
    if (count > 0) {
      sent++;
      notifications += count;
    }
  }
  return { sent, notifications };
}

async function sendDigest(tx: Prisma.TransactionClient, recipientId: string, window: Prisma.Sql): Promise<number> {
  const ids = await lockUnmailed(
    tx,
    Prisma.sql`id IN (
      SELECT n.id FROM "Notification" n
      LEFT JOIN "NotificationSetting" s ON s."userId" = n."recipientId" AND s.kind = n.kind
      WHERE n."recipientId" = ${recipientId} AND n."emailedAt" IS NULL AND ${window}
        AND ${effectiveDeliverySql("n", "s")} = 'digest')`,
  );
  const items = await loadMailable(tx, ids);
  if (items.length === 0) return 0;
  const token = signUnsubscribeToken(recipientId, "digest");
  const mail = digestMail(items, {
    unsubscribeUrl: absoluteUrl(unsubscribePath(token)),
    settingsUrl: absoluteUrl("/settings/notifications"),
    inboxUrl: absoluteUrl("/notifications"),
  });
  await sendMail({ ...mail, to: items[0]!.email, unsubscribeUrl: absoluteUrl(oneClickUnsubscribePath(token)) });
  await markEmailed(
    tx,
    items.map((item) => item.id),
  );
  return items.length;
}

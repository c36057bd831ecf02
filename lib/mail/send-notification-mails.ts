import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { absoluteUrl } from "./config";
import { effectiveDeliverySql, getDeliverySettings, type DeliverySettings } from "./delivery-settings";
import { loadMailable, lockUnmailed, MAIL_TRANSACTION, markEmailed } from "./mail-notifications";
import { notificationMail } from "./templates/notification-mail";
import { sendMail } from "./transport";
import { oneClickUnsubscribePath, signUnsubscribeToken, unsubscribePath } from "./unsubscribe-token";

// Mails each named notification whose recipient wants it at once, one at a time: a row is
// locked, mailed, and marked emailed in one transaction, so a mail server that fails leaves
// it (and the rest) to the job's next attempt, and one that accepted it is never asked again.
// Invitations are mailed with their accept link by the invitation's own mail.
export async function sendNotificationMails(notificationIds: string[]): Promise<{ sent: number }> {
  const settings = new Map<string, DeliverySettings>();
  let sent = 0;
  for (const id of notificationIds) {
    const done = await db.$transaction(async (tx) => {
      const [locked] = await lockUnmailed(tx, Prisma.sql`id = ${id} AND kind <> 'invitation'`);
      if (!locked) return false;
      const [notification] = await loadMailable(tx, [locked]);
      if (!notification) return false;
      let delivery = settings.get(notification.recipientId);
      if (!delivery)
        settings.set(notification.recipientId, (delivery = await getDeliverySettings(notification.recipientId, tx)));
      if (delivery[notification.kind] !== "instant") return false;
      const token = signUnsubscribeToken(notification.recipientId, notification.kind);
      const mail = notificationMail(notification, {
        openUrl: notification.openUrl,
        unsubscribeUrl: absoluteUrl(unsubscribePath(token)),
        settingsUrl: absoluteUrl("/settings/notifications"),
      });
      await sendMail({ ...mail, to: notification.email, unsubscribeUrl: absoluteUrl(oneClickUnsubscribePath(token)) });
      await markEmailed(tx, [notification.id]);
      return true;
    }, MAIL_TRANSACTION);
    if (done) sent++;
  }
  return { sent };
}

// Instant-mode notifications nobody mailed (their job died, or the fan-out did not queue
// them): older than a couple of minutes, so the queued job goes first; at most two days old.
export async function sweepUnmailed(): Promise<{ sent: number }> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT n.id FROM "Notification" n
    LEFT JOIN "NotificationSetting" s ON s."userId" = n."recipientId" AND s.kind = n.kind
    WHERE n."emailedAt" IS NULL AND n.kind <> 'invitation'
      AND n."createdAt" < now() - interval '2 minutes' AND n."createdAt" > now() - interval '2 days'
      AND ${effectiveDeliverySql("n", "s")} = 'instant'
    ORDER BY n."createdAt", n.id LIMIT 2000`;
  if (rows.length === 0) return { sent: 0 };
  return sendNotificationMails(rows.map((row) => row.id));
}

import "server-only";
import type { PrismaTransactionLike } from "pg-boss";
import { enqueueJob } from "@/lib/jobs/boss";
import { isMailEnabled } from "./config";

const BATCH = 100;

// Called by the notification fan-out inside the transaction that writes the notifications:
// their mail job exists exactly when they do. Whether each is mailed at once, gathered in
// the digest or not mailed is decided when the job runs, from the recipient's settings.
// Without SMTP_URL nothing is queued.
export async function queueNotificationMail(tx: PrismaTransactionLike, notificationIds: string[]) {
  if (notificationIds.length === 0 || !isMailEnabled()) return;
  for (let start = 0; start < notificationIds.length; start += BATCH)
    await enqueueJob("mail.notification", { notificationIds: notificationIds.slice(start, start + BATCH) }, { tx });
}

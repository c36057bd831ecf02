import { expireExports, failDeadExport, runExportJob } from "@/lib/exports/run-export-job";
import { sendDigests } from "@/lib/mail/send-digests";
import { sendInvitationMail } from "@/lib/mail/send-invitation-mail";
import { sendNotificationMails, sweepUnmailed } from "@/lib/mail/send-notification-mails";
import { indexDocument } from "@/lib/suggestions/passage-index";
import type { JobData, JobKind } from "./kinds";

export type JobAttempt = { retryCount: number; retryLimit: number };

// What each kind of job does. A handler that throws is retried (its queue says how often);
// one that returns is done.
export const JOB_HANDLERS: { [K in JobKind]: (data: JobData[K], attempt: JobAttempt) => Promise<void> } = {
  "export.run": (data, attempt) => runExportJob(data.exportJobId, data.baseUrl, attempt),
  "export.dead": (data) => failDeadExport(data.exportJobId),
  "export.expire": async () => {
    await expireExports();
  },
  "mail.notification": async (data) => {
    await sendNotificationMails(data.notificationIds);
  },
  "mail.invitation": async (data) => {
    await sendInvitationMail(data);
  },
  "mail.digest": async () => {
    await sendDigests();
  },
  "mail.sweep": async () => {
    await sweepUnmailed();
  },
  "suggest.index": (data) => indexDocument(data.documentId),
};

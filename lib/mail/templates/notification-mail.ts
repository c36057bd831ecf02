import { KIND_LABELS } from "@/lib/notifications/kind-labels";
import { describeNotification, type MailNotification } from "./describe-notification";
import { excerpt, subjectLine } from "./escape";
import { renderMail, type MailBlock, type RenderedMail } from "./layout";

type Links = { openUrl: string; unsubscribeUrl: string; settingsUrl: string };

// One notification, mailed at once. The subject names who did what where.
export function notificationMail(notification: MailNotification, links: Links): RenderedMail {
  const summary = describeNotification(notification);
  const { data } = notification;
  const blocks: MailBlock[] = [];
  const quoted = excerpt(data.excerpt);
  if (quoted) blocks.push({ type: "quote", text: quoted });
  blocks.push({ type: "button", label: "Open in Counterpoint", url: links.openUrl });
  return renderMail({
    subject: subjectLine(summary),
    heading: summary,
    blocks,
    footer: `You get this email because of ${KIND_LABELS[notification.kind].about} in ${notification.workspaceName}.`,
    unsubscribeUrl: links.unsubscribeUrl,
    settingsUrl: links.settingsUrl,
  });
}

import { describeNotification, type MailNotification } from "./describe-notification";
import { excerpt, subjectLine } from "./escape";
import { renderMail, type MailBlock, type RenderedMail } from "./layout";

type Links = { unsubscribeUrl: string; settingsUrl: string; inboxUrl: string };

// A day's digest-mode notifications in one mail, grouped by workspace.
export function digestMail(items: (MailNotification & { openUrl: string })[], links: Links): RenderedMail {
  const first = describeNotification(items[0]!);
  const subject =
    items.length === 1
      ? `Your Counterpoint digest: ${first}`
      : `Your Counterpoint digest: ${first}, and ${items.length - 1} more`;
  const byWorkspace = new Map<string, typeof items>();
  for (const item of items) byWorkspace.set(item.workspaceName, [...(byWorkspace.get(item.workspaceName) ?? []), item]);
  const blocks: MailBlock[] = [];
  for (const [workspace, group] of byWorkspace) {
    blocks.push({ type: "paragraph", text: `In ${workspace}:` });
    for (const item of group)
      blocks.push({
        type: "item",
        title: describeNotification(item),
        quote: excerpt(item.data.excerpt, 160) || undefined,
        url: item.openUrl,
      });
  }
  blocks.push({ type: "button", label: "See all notifications", url: links.inboxUrl });
  return renderMail({
    subject: subjectLine(subject),
    heading: `${items.length} notification${items.length === 1 ? "" : "s"} since your last digest`,
    blocks,
    footer: "You get this daily digest for the kinds of notification you chose to gather.",
    unsubscribeUrl: links.unsubscribeUrl,
    settingsUrl: links.settingsUrl,
  });
}

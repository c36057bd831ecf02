// What a notification says and where it leads, in one place for the bell, the page and mail.
import type { NotificationKind } from "./kinds";
import type { NotificationData } from "./types";

export type Describable = {
  kind: NotificationKind;
  actorName: string | null;
  documentTitle: string | null;
  workspaceName: string;
  documentId: string | null;
  annotationId: string | null;
  replyId: string | null;
  data: NotificationData;
};

const MODERATED: Record<string, string> = {
  hide: "hid",
  restore: "restored",
  approve: "approved",
  resolve: "resolved",
};

// "Yuri replied opposes to your passage in Lin 2023".
export function describeNotification(n: Describable): string {
  const who = n.actorName ?? "Someone";
  const where = n.documentTitle ? ` in ${n.documentTitle}` : ` in ${n.workspaceName}`;
  const what = n.data.to ?? "passage";
  switch (n.kind) {
    case "reply":
      return `${who} replied ${n.data.stance ?? ""} to your ${what}${where}`.replace(/ {2,}/g, " ");
    case "mention":
      return `${who} mentioned you${where}`;
    case "link":
      return `${who} linked your passage${where} (${n.data.relation ?? "link"})`;
    case "vote": {
      const votes = n.data.votes ?? 1;
      return `Your ${what}${where} reached ${votes} upvote${votes === 1 ? "" : "s"}`;
    }
    case "moderation": {
      const done = MODERATED[n.data.action ?? ""] ?? "moderated";
      const thing = n.data.action === "resolve" ? "thread" : what;
      return `${who} ${done} ${n.data.action === "resolve" ? "a" : "your"} ${thing}${where}${n.data.reason ? `: ${n.data.reason}` : ""}`;
    }
    case "invitation":
      return `${who} invited you to ${n.workspaceName}${n.data.role ? ` as ${n.data.role}` : ""}`;
    case "follow":
      return n.data.activity === "annotation"
        ? `${who} annotated${where}, which you follow`
        : `${who} replied ${n.data.stance ?? ""} in a thread you follow${where}`.replace(/ {2,}/g, " ");
  }
}

// The document at the passage (and the reply, whose thread the reader opens), or the invitations.
export function notificationHref(n: Describable): string {
  if (n.kind === "invitation") return "/workspaces";
  if (!n.documentId) return "/notifications";
  const reply = n.replyId ? `?reply=${encodeURIComponent(n.replyId)}` : "";
  const passage = n.annotationId ? `#annotation-${encodeURIComponent(n.annotationId)}` : "";
  return `/documents/${encodeURIComponent(n.documentId)}${reply}${passage}`;
}

import type { NotificationKind } from "@/lib/notifications/kinds";
import type { NotificationData } from "@/lib/notifications/types";

// A notification as mail shows it: who did what where, in one line.
export type MailNotification = {
  id: string;
  kind: NotificationKind;
  actorName: string | null;
  workspaceName: string;
  documentTitle: string | null;
  data: NotificationData;
  // Where it opens (a path of the app).
  path: string;
};

const MODERATION_DONE: Record<string, string> = {
  hide: "hid",
  restore: "restored",
  approve: "approved",
  resolve: "resolved",
};

export function describeNotification(notification: MailNotification): string {
  const who = notification.actorName ?? "Someone";
  const where = notification.documentTitle ? ` in ${notification.documentTitle}` : ` in ${notification.workspaceName}`;
  const { data } = notification;
  switch (notification.kind) {
    case "reply":
      return `${who} replied${data.stance ? ` ${data.stance}` : ""} to you${where}`;
    case "mention":
      return `${who} mentioned you${where}`;
    case "link":
      return `${who} linked${data.relation ? ` (${data.relation})` : ""} to your passage${where}`;
    case "vote": {
      const votes = data.votes ?? 1;
      return `Your reply${where} reached ${votes} upvote${votes === 1 ? "" : "s"}`;
    }
    case "moderation": {
      const done = MODERATION_DONE[data.action ?? ""] ?? "moderated";
      return data.action === "resolve"
        ? `${who} resolved a thread you took part in${where}`
        : `${who} ${done} your contribution${where}`;
    }
    case "invitation":
      return `${who} invited you to ${data.workspaceName ?? notification.workspaceName}`;
    case "follow":
      return `${who} ${data.activity === "annotation" ? "annotated a passage" : "replied"}${where}, which you follow`;
  }
}

// The path a notification opens: the passage in its document where there is one.
export function notificationPath(row: {
  kind: string;
  workspaceId: string;
  documentId: string | null;
  annotationId: string | null;
}): string {
  if (row.documentId) return `/documents/${row.documentId}${row.annotationId ? `#annotation-${row.annotationId}` : ""}`;
  if (row.kind === "invitation") return "/workspaces";
  return `/workspaces/${row.workspaceId}`;
}

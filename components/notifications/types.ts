// A notification as the API presents it (lib/notifications/notification-services.ts).
export type NotificationItem = {
  id: string;
  kind: string;
  text: string;
  href: string;
  createdAt: string;
  readAt: string | null;
  actor: { id: string; name: string } | null;
  workspace: { id: string; name: string };
  document: { id: string; title: string } | null;
  data: { excerpt?: string };
};
export type NotificationPage = { items: NotificationItem[]; nextCursor: string | null; unreadCount: number };

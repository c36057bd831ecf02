import { redirect } from "next/navigation";
import { NotificationList } from "@/components/notifications/notification-list";
import { getSessionUser } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/notification-services";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/notifications");
  const page = await listNotifications(user, { limit: 50, unread: false });
  return (
    <div className="max-w-3xl">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Notifications</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600 dark:text-stone-400">
        Replies to your passages and replies, mentions, links, votes, moderation decisions, invitations, and what you
        follow.
      </p>
      <NotificationList initial={page} />
    </div>
  );
}

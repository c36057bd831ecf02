import { apiRoute, requireActor } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { listNotifications } from "@/lib/notifications/notification-services";
import { listNotificationsSchema } from "@/lib/validations/notification";

// My notifications, newest first (`?unread=true` for the unread ones), with my unread count.
export const GET = apiRoute(async ({ request, actor }) =>
  json(await listNotifications(requireActor(actor), readQuery(request, listNotificationsSchema))),
);

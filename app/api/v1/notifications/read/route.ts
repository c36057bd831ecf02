import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { markNotificationsRead } from "@/lib/notifications/notification-services";
import { markNotificationsReadSchema } from "@/lib/validations/notification";

// Marks the named notifications of mine read, or all of them when `ids` is omitted.
export const POST = apiRoute(async ({ request, actor }) =>
  json(await markNotificationsRead(requireActor(actor), await readJson(request, markNotificationsReadSchema))),
);

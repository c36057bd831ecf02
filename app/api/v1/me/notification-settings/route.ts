import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { presentDeliverySettings, setDeliverySettings } from "@/lib/mail/delivery-settings";
import { updateNotificationSettingsSchema } from "@/lib/validations/notification-settings";

// How I want mail about each kind of notification: instant, digest or never.
export const GET = apiRoute(async ({ actor }) => {
  const user = requireActor(actor);
  return json(await presentDeliverySettings(user.id));
});

export const PUT = apiRoute(async ({ request, actor }) => {
  const user = requireActor(actor);
  const input = await readJson(request, updateNotificationSettingsSchema);
  await setDeliverySettings(user.id, input.delivery);
  return json(await presentDeliverySettings(user.id));
});

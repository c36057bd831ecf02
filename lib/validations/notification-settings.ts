import { z } from "zod";
import { DELIVERY_MODES, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

export const deliveryModeSchema = z.enum(DELIVERY_MODES, { error: "Choose instant, digest or never." });

// PUT /api/v1/me/notification-settings: the kinds to change, each to a mode; kinds left out keep theirs.
export const updateNotificationSettingsSchema = z.object({
  delivery: z.partialRecord(z.enum(NOTIFICATION_KINDS), deliveryModeSchema),
});
export type UpdateNotificationSettingsInput = z.infer<typeof updateNotificationSettingsSchema>;

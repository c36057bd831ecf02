// Response shapes: how a person wants notification mail.
import { z } from "zod";
import { DELIVERY_MODES, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { described, named } from "./common";

export const NotificationSettings = named(
  "NotificationSettings",
  z.object({
    delivery: described(
      z.record(z.enum(NOTIFICATION_KINDS), z.enum(DELIVERY_MODES)),
      "For every kind of notification: mail it at once (instant), in the daily digest, or never.",
    ),
    emailEnabled: described(
      z.boolean(),
      "Whether this server sends mail at all (SMTP_URL); without it notifications are in-app only.",
    ),
  }),
);

export const Unsubscribed = named(
  "Unsubscribed",
  z.object({
    scope: z.enum([...NOTIFICATION_KINDS, "digest", "all"]),
    delivery: NotificationSettings.shape.delivery,
  }),
);

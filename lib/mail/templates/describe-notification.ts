// Mail says what the bell and the notifications page say (lib/notifications/describe.ts).
import type { Describable } from "@/lib/notifications/describe";

export { describeNotification, notificationHref } from "@/lib/notifications/describe";

// A notification as mail shows it.
export type MailNotification = Describable & { id: string };

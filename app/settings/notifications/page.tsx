import { redirect } from "next/navigation";
import { NotificationSettingsForm } from "@/components/settings/notification-settings-form";
import { getSessionUser } from "@/lib/auth/current-user";
import { presentDeliverySettings } from "@/lib/mail/delivery-settings";

export const metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/settings/notifications");
  const { delivery, emailEnabled } = await presentDeliverySettings(user.id);
  return (
    <div className="max-w-3xl">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Notification settings</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600 dark:text-stone-400">
        Every notification appears in the app. Choose for each kind whether it is also emailed to {user.email} at once,
        gathered in one daily digest, or not emailed.
      </p>
      <NotificationSettingsForm initial={delivery} emailEnabled={emailEnabled} />
    </div>
  );
}

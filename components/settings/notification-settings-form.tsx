"use client";

import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import { apiFetch } from "@/lib/client/api-fetch";
import { DELIVERY_LABELS, KIND_LABELS } from "@/lib/notifications/kind-labels";
import {
  DELIVERY_MODES,
  NOTIFICATION_KINDS,
  type DeliveryMode,
  type NotificationKind,
} from "@/lib/notifications/kinds";

type Delivery = Record<NotificationKind, DeliveryMode>;

// One select per kind of notification; a change is saved at once and announced.
export function NotificationSettingsForm({ initial, emailEnabled }: { initial: Delivery; emailEnabled: boolean }) {
  const [delivery, setDelivery] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const { error, run } = useApiAction();

  async function onChange(kind: NotificationKind, mode: DeliveryMode) {
    const previous = delivery;
    setDelivery({ ...delivery, [kind]: mode });
    setSaved(null);
    const result = await run(() =>
      apiFetch<{ delivery: Delivery }>("/api/v1/me/notification-settings", {
        method: "PUT",
        body: { delivery: { [kind]: mode } },
      }),
    );
    if (!result) return setDelivery(previous);
    setDelivery(result.delivery);
    setSaved(`${KIND_LABELS[kind].label}: ${DELIVERY_LABELS[mode].toLowerCase()}. Saved.`);
  }

  return (
    <section aria-labelledby="email-settings-heading" className="space-y-4">
      <h2 id="email-settings-heading" className="text-lg font-semibold">
        Email
      </h2>
      {emailEnabled ? null : (
        <p className="rounded-md border border-stone-200 bg-stone-50 p-3 text-sm text-stone-700 dark:border-stone-800 dark:bg-stone-900 dark:text-stone-300">
          This server does not send email (no mail server is configured). Your choices are kept for when it does;
          notifications appear in the app either way.
        </p>
      )}
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 dark:divide-stone-800 dark:border-stone-800">
        {NOTIFICATION_KINDS.map((kind) => (
          <li key={kind} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div>
              <label htmlFor={`delivery-${kind}`} className="text-sm font-medium">
                {KIND_LABELS[kind].label}
              </label>
              <p id={`delivery-${kind}-about`} className="text-xs text-stone-500">
                Email about {KIND_LABELS[kind].about}
              </p>
            </div>
            <select
              id={`delivery-${kind}`}
              aria-describedby={`delivery-${kind}-about`}
              value={delivery[kind]}
              onChange={(event) => void onChange(kind, event.target.value as DeliveryMode)}
              className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900"
            >
              {DELIVERY_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {DELIVERY_LABELS[mode]}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-stone-600 dark:text-stone-400">
        {saved}
      </p>
      <FormError message={error?.message ?? null} />
    </section>
  );
}

"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { ReasonForm } from "./reason-form";

export type ModeratedItem = {
  targetType: "annotation" | "reply" | "link";
  targetId: string;
  status: string;
  version: number;
  isLocked?: boolean;
  isPinned?: boolean;
  isFeatured?: boolean;
  hasFlags?: boolean;
};
type Action =
  | "hide"
  | "restore"
  | "lock"
  | "unlock"
  | "pin"
  | "unpin"
  | "resolve-flag"
  | "resolve-thread"
  | "feature"
  | "unfeature";

const LABEL: Record<Action, string> = {
  hide: "Hide",
  restore: "Restore",
  lock: "Lock thread",
  unlock: "Unlock thread",
  pin: "Pin",
  unpin: "Unpin",
  "resolve-flag": "Dismiss flags",
  "resolve-thread": "Resolve thread",
  feature: "Feature",
  unfeature: "Unfeature",
};

// The actions a moderator can take on an item; each asks for a reason and sends the
// version the moderator saw, so acting on a changed item is refused (409), not applied.
export function ModerationControls({ item, onDone }: { item: ModeratedItem; onDone: (message: string) => void }) {
  const [pending, setPending] = useState<Action | null>(null);
  const isPending = item.status === "pending";
  const actions: Action[] = [
    ...(isPending
      ? (["restore", "hide"] as const)
      : [item.status === "visible" ? ("hide" as const) : ("restore" as const)]),
    ...(item.targetType !== "reply" ? [item.isLocked ? ("unlock" as const) : ("lock" as const)] : []),
    item.isPinned ? "unpin" : "pin",
    ...(item.hasFlags ? ["resolve-flag" as const] : []),
    ...(item.targetType === "annotation"
      ? (["resolve-thread", item.isFeatured ? "unfeature" : "feature"] as const)
      : []),
  ];
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Moderation">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          aria-pressed={pending === action}
          className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 aria-pressed:bg-stone-200 dark:border-stone-700 dark:hover:bg-stone-800"
          onClick={() => setPending(pending === action ? null : action)}
        >
          {isPending && action === "restore" ? "Approve" : isPending && action === "hide" ? "Reject" : LABEL[action]}
        </button>
      ))}
      {pending ? (
        <div className="w-full">
          <ReasonForm
            label={
              pending === "resolve-thread"
                ? "What did the thread settle? (shown above it)"
                : `Reason to ${LABEL[pending].toLowerCase()} (kept in the audit log)`
            }
            submitLabel={LABEL[pending]}
            onCancel={() => setPending(null)}
            onSubmit={async (reason) => {
              const result = await apiFetch("/api/v1/moderation/actions", {
                body: {
                  targetType: item.targetType,
                  targetId: item.targetId,
                  action: pending,
                  reason,
                  version: item.version,
                  ...(pending === "resolve-thread" ? { summary: reason } : {}),
                },
              });
              if (result.ok) {
                setPending(null);
                onDone(`${LABEL[pending]}: done.`);
              }
              return result;
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

"use client";

import Link from "next/link";
import type { NotificationItem } from "./types";

const timeFormat = new Intl.DateTimeFormat("en", { timeStyle: "short" });
const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

// One notification: what happened (a link to where it happened), its excerpt and time.
export function NotificationRow({
  item,
  compact = false,
  onOpen,
  onMarkRead,
}: {
  item: NotificationItem;
  compact?: boolean;
  onOpen: () => void;
  onMarkRead?: () => void;
}) {
  const isUnread = !item.readAt;
  const at = new Date(item.createdAt);
  return (
    <li
      data-testid="notification"
      data-unread={isUnread ? "true" : undefined}
      className={`flex gap-2 px-3 py-2 ${isUnread ? "bg-accent-50/60 dark:bg-stone-800/50" : ""}`}
    >
      <span
        aria-hidden
        className={`mt-1.5 size-2 shrink-0 rounded-full ${isUnread ? "bg-accent-600" : "bg-transparent"}`}
      />
      <div className="min-w-0 flex-1">
        <Link href={item.href} onClick={onOpen} className="text-sm text-stone-900 hover:underline dark:text-stone-100">
          {item.text}
          {isUnread ? <span className="sr-only"> (unread)</span> : null}
        </Link>
        {item.data.excerpt ? (
          <p className={`mt-0.5 text-xs text-stone-500 ${compact ? "line-clamp-1" : "line-clamp-2"}`}>
            “{item.data.excerpt}”
          </p>
        ) : null}
        <p className="mt-0.5 text-xs text-stone-400">
          <time dateTime={item.createdAt}>{compact ? dateTimeFormat.format(at) : timeFormat.format(at)}</time>
          {compact ? null : ` · ${item.workspace.name}`}
        </p>
      </div>
      {onMarkRead && isUnread ? (
        <button
          type="button"
          onClick={onMarkRead}
          className="h-fit shrink-0 rounded px-1.5 py-0.5 text-xs text-stone-500 hover:bg-stone-100 hover:text-stone-800 dark:hover:bg-stone-800"
        >
          Mark read
        </button>
      ) : null}
    </li>
  );
}

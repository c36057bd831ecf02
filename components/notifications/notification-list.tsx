"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { apiFetch } from "@/lib/client/api-fetch";
import { markRead } from "./mark-read";
import { NotificationRow } from "./notification-row";
import type { NotificationItem, NotificationPage } from "./types";
import { useUnreadCount } from "./use-unread-count";

const dayFormat = new Intl.DateTimeFormat("en", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

// "Today", "Yesterday", or the date, in the reader's own time zone.
export function dayLabel(date: Date, now = new Date()) {
  if (dayKey(date) === dayKey(now)) return "Today";
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return "Yesterday";
  return dayFormat.format(date);
}

function groupByDay(items: NotificationItem[]) {
  const groups: { label: string; items: NotificationItem[] }[] = [];
  for (const item of items) {
    const label = dayLabel(new Date(item.createdAt));
    const last = groups[groups.length - 1];
    if (last?.label === label) last.items.push(item);
    else groups.push({ label, items: [item] });
  }
  return groups;
}

// The notifications page: grouped by day, newest first; mark one or all read; more on demand.
// New ones (the live unread count moves up) are fetched and put on top.
export function NotificationList({ initial }: { initial: NotificationPage }) {
  const [items, setItems] = useState(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [unread] = useUnreadCount(initial.unreadCount);
  const [isLoading, setLoading] = useState(false);
  const seenUnread = useRef(initial.unreadCount);

  useEffect(() => {
    const grew = unread > seenUnread.current;
    seenUnread.current = unread;
    if (!grew) return;
    void apiFetch<NotificationPage>("/api/v1/notifications?limit=20").then((result) => {
      if (!result.ok) return;
      setItems((list) => {
        const known = new Set(list.map((item) => item.id));
        return [...result.data.items.filter((item) => !known.has(item.id)), ...list];
      });
    });
  }, [unread]);

  const setRead = (ids: string[] | null) =>
    setItems((list) =>
      list.map((item) =>
        !ids || ids.includes(item.id) ? { ...item, readAt: item.readAt ?? new Date().toISOString() } : item,
      ),
    );
  const more = async () => {
    setLoading(true);
    const result = await apiFetch<NotificationPage>(`/api/v1/notifications?limit=50&cursor=${cursor}`);
    setLoading(false);
    if (!result.ok) return;
    setItems((list) => [...list, ...result.data.items]);
    setCursor(result.data.nextCursor);
  };

  if (!items.length)
    return (
      <EmptyState title="No notifications yet">
        When someone replies to your passages, mentions you with @, links to your passages or votes your replies up, you
        will see it here. Follow a document or a thread to hear of everything in it.
      </EmptyState>
    );
  const hasUnread = items.some((item) => !item.readAt);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <p className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
          {unread ? `${unread} unread` : "All read"}
        </p>
        <Button
          variant="secondary"
          disabled={!hasUnread}
          onClick={() => void markRead().then((result) => result.ok && setRead(null))}
        >
          Mark all read
        </Button>
      </div>
      {groupByDay(items).map((group) => (
        <section key={group.label} aria-label={group.label}>
          <h2 className="mb-2 text-xs font-semibold tracking-wide text-stone-500 uppercase" suppressHydrationWarning>
            {group.label}
          </h2>
          <ul className="divide-y divide-stone-100 overflow-hidden rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
            {group.items.map((item) => (
              <NotificationRow
                key={item.id}
                item={item}
                onOpen={() => {
                  if (!item.readAt) void markRead([item.id]);
                }}
                onMarkRead={() => void markRead([item.id]).then((result) => result.ok && setRead([item.id]))}
              />
            ))}
          </ul>
        </section>
      ))}
      {cursor ? (
        <Button variant="secondary" disabled={isLoading} onClick={() => void more()}>
          {isLoading ? "Loading…" : "Older notifications"}
        </Button>
      ) : null}
    </div>
  );
}

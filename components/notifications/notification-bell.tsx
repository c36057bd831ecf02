"use client";

import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { apiFetch } from "@/lib/client/api-fetch";
import { markRead } from "./mark-read";
import { NotificationRow } from "./notification-row";
import type { NotificationItem, NotificationPage } from "./types";
import { useUnreadCount } from "./use-unread-count";

const LATEST = 8;

// The bell in the header: the unread count, live, and a popover with the latest.
export function NotificationBell() {
  const [count, setCount] = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, container, close);
  const load = async () => {
    const result = await apiFetch<NotificationPage>(`/api/v1/notifications?limit=${LATEST}`);
    if (result.ok) {
      setItems(result.data.items);
      setCount(result.data.unreadCount);
    }
  };
  const toggle = () => {
    if (!open) void load();
    setOpen(!open);
  };
  const readAll = async () => {
    const result = await markRead();
    if (result.ok) {
      setCount(result.data.unreadCount);
      setItems((list) => list?.map((item) => ({ ...item, readAt: item.readAt ?? new Date().toISOString() })) ?? null);
    }
  };
  const label = `Notifications, ${count} unread`;
  return (
    <div ref={container} className="relative">
      <button
        type="button"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={toggle}
        data-testid="notification-bell"
        className="relative flex h-8 w-8 items-center justify-center rounded-full text-stone-700 hover:bg-stone-200/70 dark:text-stone-200 dark:hover:bg-stone-800"
      >
        <BellIcon />
        {count > 0 ? (
          <span
            aria-hidden
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          role="dialog"
          aria-label="Latest notifications"
          className="absolute right-0 z-30 mt-2 w-80 rounded-lg border border-stone-200 bg-white shadow-lg dark:border-stone-700 dark:bg-stone-900"
        >
          <div className="flex items-center justify-between border-b border-stone-200 px-3 py-2 dark:border-stone-800">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {count > 0 ? (
              <button type="button" onClick={() => void readAll()} className="text-xs text-accent-700 hover:underline">
                Mark all read
              </button>
            ) : null}
          </div>
          {items === null ? (
            <p className="animate-pulse px-3 py-4 text-xs text-stone-500">Loading…</p>
          ) : items.length ? (
            <ul className="max-h-96 divide-y divide-stone-100 overflow-y-auto dark:divide-stone-800">
              {items.map((item) => (
                <NotificationRow
                  key={item.id}
                  item={item}
                  compact
                  onOpen={() => {
                    close();
                    if (!item.readAt) void markRead([item.id]);
                  }}
                />
              ))}
            </ul>
          ) : (
            <p className="px-3 py-6 text-center text-sm text-stone-500">
              Nothing new. Replies, mentions and links to your passages show up here.
            </p>
          )}
          <Link
            href="/notifications"
            onClick={close}
            className="block border-t border-stone-200 px-3 py-2 text-center text-xs font-medium text-accent-700 hover:bg-stone-50 dark:border-stone-800 dark:hover:bg-stone-800"
          >
            All notifications
          </Link>
        </div>
      ) : null}
    </div>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
    </svg>
  );
}

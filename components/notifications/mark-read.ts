import { apiFetch } from "@/lib/client/api-fetch";

// Marks some of mine read, or all when no ids are given; the bell hears of it on its stream.
export const markRead = (ids?: string[]) =>
  apiFetch<{ read: number; unreadCount: number }>("/api/v1/notifications/read", { body: ids ? { ids } : {} });

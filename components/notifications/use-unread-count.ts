"use client";

import { useEffect, useState } from "react";

// The signed-in person's unread count, live: the bell's own event stream sends it on opening
// and whenever their notifications change. EventSource reconnects by itself; `denied`
// (signed out elsewhere) stops it.
export function useUnreadCount(initial = 0) {
  const [count, setCount] = useState(initial);
  useEffect(() => {
    const source = new EventSource("/api/v1/notifications/events");
    source.addEventListener("unread", (event) => {
      const { count } = JSON.parse((event as MessageEvent<string>).data) as { count: number };
      setCount(count);
    });
    source.addEventListener("denied", () => source.close());
    return () => source.close();
  }, []);
  return [count, setCount] as const;
}

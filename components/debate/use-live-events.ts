"use client";

import { useEffect, useRef, useState } from "react";

export type LiveChange = { type: string; id: string; threadId?: string; documentIds: string[] };
export type Viewer = { id: string; name: string };

// Subscribes to the workspace's Server-Sent Events (one document's, when
// given); EventSource reconnects by itself after a dropped connection.
export function useLiveEvents(workspaceId: string, documentId: string | null, onChange: (change: LiveChange) => void) {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [isConnected, setConnected] = useState(false);
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  useEffect(() => {
    const url = `/api/v1/workspaces/${workspaceId}/events${documentId ? `?documentId=${encodeURIComponent(documentId)}` : ""}`;
    const source = new EventSource(url);
    source.addEventListener("ready", () => setConnected(true));
    source.addEventListener("error", () => setConnected(false));
    source.addEventListener("change", (event) => handler.current(JSON.parse((event as MessageEvent<string>).data)));
    source.addEventListener("viewers", (event) => setViewers(JSON.parse((event as MessageEvent<string>).data)));
    return () => source.close();
  }, [workspaceId, documentId]);
  return { viewers, isConnected };
}

"use client";

import { useEffect, useRef, useState } from "react";

export type LiveChange = { type: string; id: string; threadId?: string; documentIds: string[] };
export type Viewer = { id: string; name: string };
export type LiveStatus = "connecting" | "live" | "reconnecting" | "ended";

// The server sends a ping every 15 s; a stream silent for longer than this is dead even if
// the socket looks open (a server that went away without closing it, a proxy holding it).
const SILENCE_MS = 40_000;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

// A change that means "you may have missed something": read everything again.
export const RESYNC: LiveChange = { type: "resync", id: "", documentIds: [] };

// Subscribes to the workspace's Server-Sent Events (one document's, when given). A dropped or
// silent stream is replaced with backoff; after a reconnection the caller hears RESYNC and
// reads again what it shows, so nothing committed while the stream was down is missed.
export function useLiveEvents(workspaceId: string, documentId: string | null, onChange: (change: LiveChange) => void) {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  useEffect(() => {
    const url = `/api/v1/workspaces/${workspaceId}/events${documentId ? `?documentId=${encodeURIComponent(documentId)}` : ""}`;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let silenceTimer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let hasBeenLive = false;
    let isStopped = false;

    const heard = () => {
      if (silenceTimer) clearTimeout(silenceTimer);
      silenceTimer = setTimeout(reconnect, SILENCE_MS);
    };
    const reconnect = () => {
      source?.close();
      source = null;
      if (silenceTimer) clearTimeout(silenceTimer);
      if (isStopped) return;
      setStatus(hasBeenLive ? "reconnecting" : "connecting");
      const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures) * (0.75 + Math.random() / 2);
      failures += 1;
      retryTimer = setTimeout(connect, delay);
    };
    const connect = () => {
      if (isStopped) return;
      source = new EventSource(url);
      heard();
      source.addEventListener("ready", () => {
        heard();
        failures = 0;
        setStatus("live");
        if (hasBeenLive) handler.current(RESYNC);
        hasBeenLive = true;
      });
      source.addEventListener("ping", heard);
      // The server no longer lets this reader follow the workspace (signed out elsewhere,
      // removed, the workspace made private): stop, rather than knock on a closed door.
      source.addEventListener("denied", () => {
        isStopped = true;
        source?.close();
        if (silenceTimer) clearTimeout(silenceTimer);
        setStatus("ended");
      });
      source.addEventListener("change", (event) => {
        heard();
        handler.current(JSON.parse((event as MessageEvent<string>).data));
      });
      source.addEventListener("viewers", (event) => {
        heard();
        setViewers(JSON.parse((event as MessageEvent<string>).data));
      });
      // EventSource would retry on its own, without backoff and without telling us; we do it.
      source.addEventListener("error", reconnect);
    };
    connect();
    return () => {
      isStopped = true;
      source?.close();
      if (retryTimer) clearTimeout(retryTimer);
      if (silenceTimer) clearTimeout(silenceTimer);
    };
  }, [workspaceId, documentId]);
  return { viewers, status, isConnected: status === "live" };
}

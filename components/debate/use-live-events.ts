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
// silent stream is replaced with backoff; the new stream names the last event heard
// (?lastEventId=) and the server sends what was missed meanwhile. When it cannot (too long
// away), it sends `reload` and the caller hears RESYNC and reads again what it shows.
export function useLiveEvents(workspaceId: string, documentId: string | null, onChange: (change: LiveChange) => void) {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  useEffect(() => {
    // The id of the last event heard (or of `ready`: the server's position when this tab joined).
    let lastEventId: string | null = null;
    const url = () => {
      const query = new URLSearchParams();
      if (documentId) query.set("documentId", documentId);
      if (lastEventId) query.set("lastEventId", lastEventId);
      const search = query.toString();
      return `/api/v1/workspaces/${workspaceId}/events${search ? `?${search}` : ""}`;
    };
    const remember = (event: Event) => {
      const id = (event as MessageEvent).lastEventId;
      if (id) lastEventId = id;
    };
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
      source = new EventSource(url());
      heard();
      source.addEventListener("ready", (event) => {
        heard();
        failures = 0;
        setStatus("live");
        // Back without a position to resume from: read everything again.
        if (hasBeenLive && !lastEventId) handler.current(RESYNC);
        remember(event);
        hasBeenLive = true;
      });
      // What was missed is no longer known: read everything again.
      source.addEventListener("reload", () => {
        heard();
        handler.current(RESYNC);
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
        remember(event);
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

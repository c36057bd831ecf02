import "server-only";
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { LiveEvent } from "./events";
import { liveHub } from "./hub";

const HEARTBEAT_MS = Number(process.env.LIVE_HEARTBEAT_MS ?? 15_000);
// Open streams per user on this instance: enough for many tabs, not for a flood.
export const MAX_STREAMS_PER_USER = 20;
const openStreams = new Map<string, number>();
export const hasTooManyStreams = (userId: string) => (openStreams.get(userId) ?? 0) >= MAX_STREAMS_PER_USER;
// How often an open stream asks again whether its reader may still read (signed out,
// token revoked, removed from the workspace, the workspace made private).
const ACCESS_CHECK_MS = Number(process.env.LIVE_ACCESS_CHECK_MS ?? 5_000);
const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

// A Server-Sent Event stream of a workspace's changes (only one document's, when
// given), plus who else is viewing that document. The caller has authorized reading.
export function liveEventStream(
  request: Request,
  workspaceId: string,
  documentId: string | null,
  viewer: CurrentUser | null,
  isStillAllowed: () => Promise<boolean>,
): Response {
  const connectionId = randomUUID();
  const presence = documentId && viewer ? { connectionId, userId: viewer.id, name: viewer.name, documentId } : null;
  let stop: (() => void) | null = null;

  const countedUser = viewer?.id;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let isOpen = true;
      const send = (chunk: Uint8Array) => {
        if (!isOpen) return;
        try {
          controller.enqueue(chunk);
        } catch {
          close();
        }
      };
      const sendViewers = () =>
        documentId &&
        send(
          frame(
            "viewers",
            liveHub.viewersOf(documentId).map(({ userId, name }) => ({ id: userId, name })),
          ),
        );
      const unsubscribe = await liveHub.subscribe(workspaceId, {
        onEvent: (event: LiveEvent) => {
          if (documentId && !event.documentIds.includes(documentId)) return;
          if (event.type === "presence") sendViewers();
          else send(frame("change", event));
        },
        // The database connection that feeds us is gone (or the server is stopping): end
        // the stream so the browser reconnects and catches up, rather than wait in silence.
        onLost: () => close(),
      });
      if (countedUser) openStreams.set(countedUser, (openStreams.get(countedUser) ?? 0) + 1);
      // A real event, not a comment: browsers see it, and a tab that stops hearing it knows
      // its stream is dead.
      const heartbeat = setInterval(() => {
        send(frame("ping", {}));
        if (presence) void liveHub.announce(workspaceId, "beat", presence).catch(() => {});
      }, HEARTBEAT_MS);
      // Access is asked again while the stream is open; once refused, the reader is told
      // (so the tab stops reconnecting) and the stream ends.
      const accessCheck = setInterval(() => {
        void isStillAllowed().then((isAllowed) => {
          if (isAllowed || !isOpen) return;
          send(frame("denied", {}));
          close();
        });
      }, ACCESS_CHECK_MS);
      const close = () => {
        if (!isOpen) return;
        isOpen = false;
        if (countedUser) {
          const left = (openStreams.get(countedUser) ?? 1) - 1;
          if (left > 0) openStreams.set(countedUser, left);
          else openStreams.delete(countedUser);
        }
        clearInterval(heartbeat);
        clearInterval(accessCheck);
        unsubscribe();
        if (presence) void liveHub.announce(workspaceId, "leave", presence).catch(() => {});
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      stop = close;
      request.signal.addEventListener("abort", close);
      send(encoder.encode("retry: 2000\n\n"));
      send(frame("ready", { connectionId }));
      if (presence) await liveHub.announce(workspaceId, "join", presence);
      else sendViewers();
    },
    cancel() {
      stop?.();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

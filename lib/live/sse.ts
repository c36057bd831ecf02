import "server-only";
import { AppError } from "@/lib/errors";
import { liveHub } from "./hub";
import { ACCESS_CHECK_MS } from "./stream-access";

const HEARTBEAT_MS = Number(process.env.LIVE_HEARTBEAT_MS ?? 15_000);
// Open streams per user on this instance (workspace changes and bells together): enough for
// many tabs, not for a flood.
export const MAX_STREAMS_PER_USER = 20;
const openStreams = new Map<string, number>();

// A new stream is refused while this server stops (503: the browser retries elsewhere) and
// past the cap of streams per person (429).
export function refuseStreamIfNeeded(userId: string | null) {
  if (liveHub.isStopping)
    throw new AppError("unavailable", "This server is restarting. Try again in a moment.", undefined, 2);
  if (userId && (openStreams.get(userId) ?? 0) >= MAX_STREAMS_PER_USER)
    throw new AppError(
      "rate_limited",
      `At most ${MAX_STREAMS_PER_USER} live streams per person; close some tabs.`,
      undefined,
      30,
    );
}

const encoder = new TextEncoder();

// What a stream's owner may do with it: send an event (with an id, which the browser sends
// back as Last-Event-ID when it reconnects), and end it.
export type EventChannel = {
  send: (event: string, data: unknown, id?: string) => void;
  close: () => void;
};

// A Server-Sent Event stream with what every live stream of the app needs: a retry hint, a
// `ping` event every 15 s (a real event, not a comment: browsers see it, and a tab that stops
// hearing it knows its stream is dead), a cap on streams per person, and access asked again
// while it is open (signed out, token revoked, removed from the workspace); once refused, the
// reader is told `denied` (so the tab stops reconnecting) and the stream ends. Each stream
// asks at its own pace (±25 %), so streams opened together do not ask together. `open`
// subscribes and sends the first events; what it returns is called when the stream ends.
export function eventStream(
  request: Request,
  {
    userId,
    isStillAllowed,
    open,
  }: {
    userId: string | null;
    isStillAllowed: () => Promise<boolean>;
    open: (channel: EventChannel) => Promise<(() => void) | void>;
  },
): Response {
  let stop: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let isOpen = true;
      let cleanup: (() => void) | void = undefined;
      const write = (chunk: string) => {
        if (!isOpen) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      const send = (event: string, data: unknown, id?: string) =>
        write(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      if (userId) openStreams.set(userId, (openStreams.get(userId) ?? 0) + 1);
      const heartbeat = setInterval(() => send("ping", {}), HEARTBEAT_MS);
      const accessCheck = setInterval(
        () =>
          void isStillAllowed().then((isAllowed) => {
            if (isAllowed || !isOpen) return;
            send("denied", {});
            close();
          }),
        ACCESS_CHECK_MS * (0.75 + Math.random() / 2),
      );
      const close = () => {
        if (!isOpen) return;
        isOpen = false;
        if (userId) {
          const left = (openStreams.get(userId) ?? 1) - 1;
          if (left > 0) openStreams.set(userId, left);
          else openStreams.delete(userId);
        }
        clearInterval(heartbeat);
        clearInterval(accessCheck);
        cleanup?.();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      stop = close;
      request.signal.addEventListener("abort", close);
      write("retry: 2000\n\n");
      const ended = await open({ send, close });
      // Ended while it was opening: what it set up is undone at once.
      if (isOpen) cleanup = ended;
      else ended?.();
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

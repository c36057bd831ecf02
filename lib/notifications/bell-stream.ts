import "server-only";
import type { ApiContext } from "@/lib/api/route";
import { getCurrentSession } from "@/lib/auth/current-user";
import { userForSession } from "@/lib/auth/sessions";
import { hasTooManyStreams, MAX_STREAMS_PER_USER } from "@/lib/live/event-stream";
import { liveHub } from "@/lib/live/hub";
import { ACCESS_CHECK_MS } from "@/lib/live/stream-access";
import { AppError } from "@/lib/errors";
import { userForToken } from "@/lib/tokens/tokens";
import { countUnread } from "./notification-services";

const HEARTBEAT_MS = Number(process.env.LIVE_HEARTBEAT_MS ?? 15_000);
// Changes that arrive together (a burst of replies) are counted once.
const COALESCE_MS = 50;
const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

// The bell's Server-Sent Events: `unread` with the caller's unread count when the stream
// opens and whenever their notifications change (new ones, or read in another tab). The hub
// hands this stream the changes of its own user only; what it sends is counted from that
// user's rows. Ends (`denied`) once the session or token that opened it is revoked.
export async function bellStream(context: Pick<ApiContext<unknown>, "request" | "actor" | "authenticatedBy">) {
  const { request, actor } = context;
  if (!actor) throw new AppError("unauthenticated", "Sign in to see your notifications.");
  if (liveHub.isStopping)
    throw new AppError("unavailable", "This server is restarting. Try again in a moment.", undefined, 2);
  if (hasTooManyStreams(actor.id))
    throw new AppError(
      "rate_limited",
      `At most ${MAX_STREAMS_PER_USER} live streams per person; close some tabs.`,
      undefined,
      30,
    );
  const sessionId = context.authenticatedBy === "session" ? ((await getCurrentSession())?.id ?? null) : null;
  const token =
    context.authenticatedBy === "token" ? (request.headers.get("authorization")?.split(/\s+/)[1] ?? null) : null;
  const isStillSignedIn = async () => {
    try {
      if (sessionId && !(await userForSession(sessionId))) return false;
      if (token && !(await userForToken(token))) return false;
      return true;
    } catch {
      return true;
    }
  };
  const userId = actor.id;
  let stop: (() => void) | null = null;
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
      let pending: ReturnType<typeof setTimeout> | null = null;
      const sendCount = () => {
        pending ??= setTimeout(() => {
          pending = null;
          void countUnread(userId)
            .then((count) => send(frame("unread", { count })))
            .catch(() => {});
        }, COALESCE_MS);
      };
      const unsubscribe = await liveHub.subscribeUser(userId, {
        onChange: sendCount,
        onReload: sendCount,
        onLost: () => close(),
      });
      const heartbeat = setInterval(() => send(frame("ping", {})), HEARTBEAT_MS);
      const accessCheck = setInterval(
        () =>
          void isStillSignedIn().then((isAllowed) => {
            if (isAllowed || !isOpen) return;
            send(frame("denied", {}));
            close();
          }),
        ACCESS_CHECK_MS * (0.75 + Math.random() / 2),
      );
      const close = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(heartbeat);
        clearInterval(accessCheck);
        if (pending) clearTimeout(pending);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      stop = close;
      request.signal.addEventListener("abort", close);
      send(encoder.encode("retry: 2000\n\n"));
      send(frame("unread", { count: await countUnread(userId) }));
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

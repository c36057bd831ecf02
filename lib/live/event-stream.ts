import "server-only";
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canSeeItem } from "@/lib/policies/item-visibility";
import { readReplay } from "./event-log";
import type { LiveEvent } from "./events";
import { liveHub } from "./hub";
import { ACCESS_CHECK_MS } from "./stream-access";

const HEARTBEAT_MS = Number(process.env.LIVE_HEARTBEAT_MS ?? 15_000);
// Open streams per user on this instance: enough for many tabs, not for a flood.
export const MAX_STREAMS_PER_USER = 20;
const openStreams = new Map<string, number>();
export const hasTooManyStreams = (userId: string) => (openStreams.get(userId) ?? 0) >= MAX_STREAMS_PER_USER;
const encoder = new TextEncoder();
// `id` (an event log id) is what the browser sends back as Last-Event-ID when it reconnects.
const frame = (event: string, data: unknown, id?: string) =>
  encoder.encode(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
// The audience decided who hears the change; it is not the reader's business.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const changeFrame = ({ seq, audience, ...event }: LiveEvent) => frame("change", event, seq);

// A Server-Sent Event stream of a workspace's changes (only one document's, when
// given), plus who else is viewing that document. The caller has authorized reading.
// With `lastEventId` (the id of the last change it heard), the reader is first sent what it
// missed, from the event log, through the same filter as live changes; or `reload` when that
// is no longer known (older than the log's window). `ready` carries the log's head as its id,
// so a reader that heard no change yet still has a place to resume from.
export function liveEventStream(
  request: Request,
  workspaceId: string,
  documentId: string | null,
  viewer: CurrentUser | null,
  isStillAllowed: () => Promise<boolean>,
  lastEventId: string | null = null,
  // Whether the reader moderates the workspace (sees hidden and others' pending items).
  canModerate = false,
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
      // Which changes this reader hears, live or replayed: its workspace's (the hub's
      // subscription), of its document when it follows one, about items it may see.
      const reaches = (event: LiveEvent) =>
        (!documentId || event.documentIds.includes(documentId)) &&
        (!event.audience || canSeeItem(event.audience.status, event.audience.authorId, viewer?.id, canModerate));
      const deliver = (event: LiveEvent) => {
        if (!reaches(event)) return;
        if (event.type === "presence") sendViewers();
        else send(changeFrame(event));
      };
      // Live changes wait here until the missed ones are sent, so they arrive in order.
      let held: LiveEvent[] | null = [];
      const unsubscribe = await liveHub.subscribe(workspaceId, {
        onEvent: (event: LiveEvent) => (held ? held.push(event) : deliver(event)),
        // Changes were lost for good: the reader reads everything again.
        onReload: () => send(frame("reload", {})),
        // The server is stopping: end the stream so the browser reconnects elsewhere.
        onLost: () => close(),
      });
      if (countedUser) openStreams.set(countedUser, (openStreams.get(countedUser) ?? 0) + 1);
      // A real event, not a comment: browsers see it, and a tab that stops hearing it knows
      // its stream is dead.
      // (The reader's presence heartbeat is the hub's, for all its readers at once.)
      const heartbeat = setInterval(() => send(frame("ping", {})), HEARTBEAT_MS);
      // Access is asked again while the stream is open (signed out, token revoked, removed from
      // the workspace, the workspace made private); once refused, the reader is told (so the
      // tab stops reconnecting) and the stream ends. Each stream at its own pace (±25 %), so
      // streams opened together do not ask together.
      const accessCheck = setInterval(
        () => {
          void isStillAllowed().then((isAllowed) => {
            if (isAllowed || !isOpen) return;
            send(frame("denied", {}));
            close();
          });
        },
        ACCESS_CHECK_MS * (0.75 + Math.random() / 2),
      );
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
        if (presence) void liveHub.leave(workspaceId, presence).catch(() => {});
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      stop = close;
      request.signal.addEventListener("abort", close);
      send(encoder.encode("retry: 2000\n\n"));
      const replayed = new Set<string>();
      const replay = await readReplay(workspaceId, lastEventId).catch(() => null);
      if (!replay || replay.missed === "reload") send(frame("reload", {}));
      else
        for (const event of replay.missed ?? []) {
          if (event.seq) replayed.add(event.seq);
          deliver(event);
        }
      send(frame("ready", { connectionId }, replay?.head));
      const waiting = held;
      held = null;
      for (const event of waiting) if (!event.seq || !replayed.has(event.seq)) deliver(event);
      if (presence) await liveHub.join(workspaceId, presence);
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

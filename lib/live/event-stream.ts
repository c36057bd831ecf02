import "server-only";
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canSeeItem } from "@/lib/policies/item-visibility";
import { readReplay } from "./event-log";
import type { LiveEvent } from "./events";
import { liveHub } from "./hub";
import { type EventChannel, eventStream } from "./sse";

// The audience decided who hears the change; it is not the reader's business.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const sendChange = ({ send }: EventChannel, { seq, audience, ...event }: LiveEvent) => send("change", event, seq);

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
  return eventStream(request, {
    userId: viewer?.id ?? null,
    isStillAllowed,
    open: async (channel) => {
      const { send, close } = channel;
      const sendViewers = () =>
        documentId &&
        send(
          "viewers",
          liveHub.viewersOf(documentId).map(({ userId, name }) => ({ id: userId, name })),
        );
      // Which changes this reader hears, live or replayed: its workspace's (the hub's
      // subscription), of its document when it follows one, about items it may see.
      const reaches = (event: LiveEvent) =>
        (!documentId || event.documentIds.includes(documentId)) &&
        (!event.audience || canSeeItem(event.audience.status, event.audience.authorId, viewer?.id, canModerate));
      const deliver = (event: LiveEvent) => {
        if (!reaches(event)) return;
        if (event.type === "presence") sendViewers();
        else sendChange(channel, event);
      };
      // Live changes wait here until the missed ones are sent, so they arrive in order.
      let held: LiveEvent[] | null = [];
      const unsubscribe = await liveHub.subscribe(workspaceId, {
        onEvent: (event: LiveEvent) => (held ? held.push(event) : deliver(event)),
        // Changes were lost for good: the reader reads everything again.
        onReload: () => send("reload", {}),
        // The server is stopping: end the stream so the browser reconnects elsewhere.
        onLost: () => close(),
      });
      const replayed = new Set<string>();
      const replay = await readReplay(workspaceId, lastEventId).catch(() => null);
      if (!replay || replay.missed === "reload") send("reload", {});
      else
        for (const event of replay.missed ?? []) {
          if (event.seq) replayed.add(event.seq);
          deliver(event);
        }
      send("ready", { connectionId }, replay?.head);
      const waiting = held;
      held = null;
      for (const event of waiting) if (!event.seq || !replayed.has(event.seq)) deliver(event);
      // (The reader's presence heartbeat is the hub's, for all its readers at once.)
      if (presence) await liveHub.join(workspaceId, presence);
      else sendViewers();
      return () => {
        unsubscribe();
        if (presence) void liveHub.leave(workspaceId, presence).catch(() => {});
      };
    },
  });
}

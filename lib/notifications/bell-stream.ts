import "server-only";
import type { ApiContext } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { liveHub } from "@/lib/live/hub";
import { eventStream, refuseStreamIfNeeded } from "@/lib/live/sse";
import { streamAccessCheck } from "@/lib/live/stream-access";
import { countUnread } from "./notification-services";

// Changes that arrive together (a burst of replies) are counted once.
const COALESCE_MS = 50;

// The bell's Server-Sent Events: `unread` with the caller's unread count when the stream
// opens and whenever their notifications change (new ones, or read in another tab). The hub
// hands this stream the changes of its own user only; what it sends is counted from that
// user's rows. Ends (`denied`) once the session or token that opened it is revoked.
export async function bellStream(context: Pick<ApiContext<unknown>, "request" | "actor" | "authenticatedBy">) {
  const { request, actor } = context;
  if (!actor) throw new AppError("unauthenticated", "Sign in to see your notifications.");
  refuseStreamIfNeeded(actor.id);
  const isStillSignedIn = await streamAccessCheck(context, null, null);
  const userId = actor.id;
  return eventStream(request, {
    userId,
    isStillAllowed: isStillSignedIn,
    open: async ({ send, close }) => {
      let pending: ReturnType<typeof setTimeout> | null = null;
      const sendCount = () => {
        pending ??= setTimeout(() => {
          pending = null;
          void countUnread(userId)
            .then((count) => send("unread", { count }))
            .catch(() => {});
        }, COALESCE_MS);
      };
      const unsubscribe = await liveHub.subscribeUser(userId, {
        onChange: sendCount,
        onReload: sendCount,
        onLost: () => close(),
      });
      send("unread", { count: await countUnread(userId) });
      return () => {
        if (pending) clearTimeout(pending);
        unsubscribe();
      };
    },
  });
}

import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { authorizeDocument } from "@/lib/documents/find-document";
import { AppError } from "@/lib/errors";
import { hasTooManyStreams, liveEventStream, MAX_STREAMS_PER_USER } from "@/lib/live/event-stream";
import { liveHub } from "@/lib/live/hub";
import { streamAccessCheck } from "@/lib/live/stream-access";
import { authorizeWorkspace } from "@/lib/policies/authorize-workspace";
import { can } from "@/lib/policies/workspace-policy";
import { z } from "zod";

const querySchema = z.object({ documentId: z.string().max(64).optional(), lastEventId: z.string().max(64).optional() });

// Server-Sent Events: what changed in the workspace (or one document of it), as it commits.
// A reconnecting reader names the last change it heard (the Last-Event-ID header, or
// ?lastEventId= from a client that opens its own EventSource) and is sent what it missed.
export const GET = apiRoute<{ id: string }>(async (context) => {
  const { request, actor, params } = context;
  const { documentId, lastEventId: lastEventIdParam } = readQuery(request, querySchema);
  const lastEventId = request.headers.get("last-event-id") ?? lastEventIdParam ?? null;
  if (liveHub.isStopping)
    throw new AppError("unavailable", "This server is restarting. Try again in a moment.", undefined, 2);
  if (actor && hasTooManyStreams(actor.id))
    throw new AppError(
      "rate_limited",
      `At most ${MAX_STREAMS_PER_USER} live streams per person; close some tabs.`,
      undefined,
      30,
    );
  const access = await authorizeWorkspace(actor, params.id, "read");
  if (documentId) {
    const { document } = await authorizeDocument(actor, documentId, "read");
    if (document.workspaceId !== params.id) throw new AppError("not_found", "Document not found.");
  }
  const isStillAllowed = await streamAccessCheck(context, params.id, documentId ?? null);
  return liveEventStream(
    request,
    params.id,
    documentId ?? null,
    actor,
    isStillAllowed,
    lastEventId,
    can(access, "moderate"),
  );
});

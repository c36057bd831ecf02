import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { authorizeDocument } from "@/lib/documents/find-document";
import { AppError } from "@/lib/errors";
import { liveEventStream } from "@/lib/live/event-stream";
import { refuseStreamIfNeeded } from "@/lib/live/sse";
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
  refuseStreamIfNeeded(actor?.id ?? null);
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

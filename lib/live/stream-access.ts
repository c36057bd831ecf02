import "server-only";
import type { ApiContext } from "@/lib/api/route";
import { getCurrentSession } from "@/lib/auth/current-user";
import { userForSession } from "@/lib/auth/sessions";
import { authorizeDocument } from "@/lib/documents/find-document";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace } from "@/lib/policies/authorize-workspace";
import { hashToken, userForToken } from "@/lib/tokens/tokens";

// How often an open stream asks again whether its reader may still read.
export const ACCESS_CHECK_MS = Number(process.env.LIVE_ACCESS_CHECK_MS ?? 5_000);
// Streams of the same reader, credential and scope (many tabs, many readers of one document
// with one token) share one answer for half that interval: one check, not one per stream.
const shared = new Map<string, Promise<boolean>>();

// Decides once, when a stream opens, how its reader proved who they are (the browser
// session's row, or the token), and returns the check a long-lived stream repeats:
// still signed in that way, and still allowed to read the workspace (and document).
// The same checks as a new request would make, so a stream ends with access.
export async function streamAccessCheck(
  context: Pick<ApiContext<unknown>, "request" | "actor" | "authenticatedBy">,
  // null: a stream of the person's own (the bell) only needs them still signed in that way.
  workspaceId: string | null,
  documentId: string | null,
): Promise<() => Promise<boolean>> {
  const sessionId = context.authenticatedBy === "session" ? ((await getCurrentSession())?.id ?? null) : null;
  const token =
    context.authenticatedBy === "token"
      ? (context.request.headers.get("authorization")?.split(/\s+/)[1] ?? null)
      : null;
  const check = async () => {
    try {
      if (sessionId && !(await userForSession(sessionId))) return false;
      if (token && !(await userForToken(token))) return false;
      if (!workspaceId) return true;
      await authorizeWorkspace(context.actor, workspaceId, "read");
      if (documentId) {
        const { document } = await authorizeDocument(context.actor, documentId, "read");
        if (document.workspaceId !== workspaceId) return false;
      }
      return true;
    } catch (error) {
      // Refused: the stream ends. Anything else (the database briefly away) is not a refusal;
      // the stream stays open and catches up when the database is back (lib/live/hub.ts).
      return !(error instanceof AppError);
    }
  };
  const key = [
    context.actor?.id ?? "",
    sessionId ? `session:${sessionId}` : token ? `token:${hashToken(token)}` : "anonymous",
    workspaceId ?? "",
    documentId ?? "",
  ].join("|");
  return () => {
    const known = shared.get(key);
    if (known) return known;
    const answer = check();
    shared.set(key, answer);
    setTimeout(() => shared.delete(key), ACCESS_CHECK_MS / 2).unref?.();
    return answer;
  };
}

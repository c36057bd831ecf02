import "server-only";
import { AppError } from "@/lib/errors";
import { getSessionUser, type CurrentUser } from "@/lib/auth/current-user";
import { userForToken } from "@/lib/tokens/tokens";
import { consume, RATE_LIMITS } from "@/lib/rate-limit";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { errorResponse } from "./respond";

export type ApiContext<P> = {
  request: Request;
  params: P;
  actor: CurrentUser | null;
  authenticatedBy: "session" | "token" | null;
};

async function resolveActor(request: Request): Promise<Pick<ApiContext<unknown>, "actor" | "authenticatedBy">> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      throw new AppError("unauthenticated", "Use `Authorization: Bearer <token>` with a personal access token.");
    }
    const found = await userForToken(token);
    if (!found) throw new AppError("unauthenticated", "This access token is invalid or has been revoked.");
    const { allowed, retryAfterSeconds } = await consume(`token:${found.tokenId}`, RATE_LIMITS.tokenUse);
    if (!allowed)
      throw new AppError(
        "rate_limited",
        `Too many requests with this token. Try again in ${retryAfterSeconds} seconds.`,
        undefined,
        retryAfterSeconds,
      );
    return { actor: found.user, authenticatedBy: "token" };
  }
  // Without a session cookie there is no session to look up.
  if (!/next-auth\.session-token(\.\d+)?=/.test(request.headers.get("cookie") ?? ""))
    return { actor: null, authenticatedBy: null };
  const user = await getSessionUser();
  if (user) assertSameOrigin(request);
  return { actor: user, authenticatedBy: user ? "session" : null };
}

// Longer than any id or slug we hand out (ids are ~25 characters).
const MAX_PARAM_LENGTH = 200;

// Path parameters reach SQL as text: one with NUL (PostgreSQL refuses it), a
// lone UTF-16 surrogate (what invalid UTF-8 can decode to) or an absurd length
// cannot name anything we store, so it is not found, before any query runs.
function assertPlausibleParams(params: unknown) {
  if (!params || typeof params !== "object") return;
  for (const value of Object.values(params)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part !== "string") continue;
      if (part.length > MAX_PARAM_LENGTH || part.includes("\u0000") || !part.isWellFormed())
        throw new AppError("not_found", "Not found.");
    }
  }
}

// Wraps a route handler: resolves who is calling, and turns every error into the envelope.
export function apiRoute<P = Record<string, never>>(handler: (context: ApiContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await context.params;
      assertPlausibleParams(params);
      const identity = await resolveActor(request);
      return await handler({ request, params, ...identity });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function requireActor(actor: CurrentUser | null): CurrentUser {
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send a personal access token, to do this.");
  return actor;
}

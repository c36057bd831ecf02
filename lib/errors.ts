// The one error type thrown by lib services; lib/api/respond.ts maps codes to HTTP statuses.
export type ErrorCode =
  | "invalid_input"
  | "unprocessable"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "duplicate"
  | "precondition_failed"
  | "too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  precondition_failed: 412,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly retryAfterSeconds?: number,
    // Extra members of the error envelope (e.g. a duplicate's existingId).
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found.`);

import { ZodError } from "zod";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "@/lib/db";

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function zodFields(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

function describe(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("invalid_input", "Some fields are missing or invalid.", zodFields(error));
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return new AppError("not_found", "Not found.");
    if (error.code === "P2002") return new AppError("conflict", "That already exists.");
  }
  if (isDatabaseBusy(error)) {
    return new AppError(
      "unavailable",
      `The server is busy. Try again in ${BUSY_RETRY_AFTER_SECONDS} seconds.`,
      undefined,
      BUSY_RETRY_AFTER_SECONDS,
    );
  }
  return new AppError("internal", "Something went wrong on our side. It has been logged.");
}

// One error envelope for every route: { error: { code, message, fields?, ...details } }.
export function errorResponse(error: unknown): Response {
  const appError = describe(error);
  if (appError.code === "internal") console.error("[api] unexpected error:", error);
  const body = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.fields ? { fields: appError.fields } : {}),
      ...appError.details,
    },
  };
  const headers: Record<string, string> = {};
  if (appError.retryAfterSeconds) headers["Retry-After"] = String(appError.retryAfterSeconds);
  return json(body, HTTP_STATUS[appError.code], headers);
}

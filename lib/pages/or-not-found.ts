import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/callback-path";
import { AppError } from "@/lib/errors";

import { REQUEST_PATH_HEADER } from "./request-path";

// For pages a visitor may not see: someone signed out is sent to sign in and brought back to
// this very page; someone signed in gets the 404 page. Either way nothing reveals whether a
// private thing exists.
export async function signInOrNotFound(): Promise<never> {
  if (!(await getSessionUser())) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER) ?? "/workspaces"));
  notFound();
}

// For pages: run an authorized load; anything the visitor may not see or do renders the
// 404 page, or the sign-in page for a visitor who is signed out.
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === "not_found" || error.code === "forbidden" || error.code === "unauthenticated")
    )
      return signInOrNotFound();
    throw error;
  }
}

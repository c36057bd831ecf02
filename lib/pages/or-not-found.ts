import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

// For pages: run an authorized load; anything the visitor may not see or do
// renders the 404 page (a private thing's existence is not revealed).
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === "not_found" || error.code === "forbidden" || error.code === "unauthenticated")
    )
      notFound();
    throw error;
  }
}

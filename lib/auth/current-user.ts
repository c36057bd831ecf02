import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db";
import { authOptions } from "./options";

export type CurrentUser = { id: string; email: string; name: string };

// The signed-in user of this request (browser session), re-read from the
// database so a deleted account loses access at once.
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const rows = await db.$queryRaw<CurrentUser[]>`SELECT id, email, name FROM "User" WHERE id = ${id}`;
  return rows[0] ?? null;
});

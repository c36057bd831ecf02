import "server-only";
import { db } from "@/lib/db";
import { findMentions } from "./mentions";

// The members an annotation's or a reply's body names with @handle.
export async function mentionsIn(body: string, workspaceId: string) {
  return body.includes("@") ? findMentions(body, await workspaceMembers(workspaceId)) : [];
}

async function workspaceMembers(workspaceId: string) {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => row.user);
}

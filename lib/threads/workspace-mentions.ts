import "server-only";
import { db } from "@/lib/db";
import { mentionTargets } from "./mentions";

// The members an annotation's or a reply's body names with @handle, and the links the
// renderer makes of those handles (to the person's contributions in the workspace).
export async function mentionsIn(body: string, workspaceId: string) {
  if (!body.includes("@")) return { mentionedIds: [], mentionLinks: {} };
  const targets = mentionTargets(body, await workspaceMembers(workspaceId));
  const mentionLinks: Record<string, string> = {};
  for (const [key, id] of targets)
    mentionLinks[key] = `/workspaces/${encodeURIComponent(workspaceId)}/search?author=${encodeURIComponent(id)}`;
  return { mentionedIds: Array.from(new Set(targets.values())), mentionLinks };
}

async function workspaceMembers(workspaceId: string) {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => row.user);
}

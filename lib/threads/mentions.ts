// @mentions: "@handle" names a workspace member when the handle is their name
// without spaces or the part of their email before the @ (case-insensitive).
export type Member = { id: string; name: string; email: string };

export const handleOf = (member: Member) => member.name.replace(/\s+/g, "");

const MENTION = /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.-]{2,64})/gu;

export function findMentions(body: string, members: Member[]): string[] {
  const byHandle = new Map<string, string>();
  for (const member of members) {
    byHandle.set(handleOf(member).toLowerCase(), member.id);
    byHandle.set(member.email.split("@")[0]!.toLowerCase(), member.id);
  }
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    const id = byHandle.get(match[2]!.replace(/[.-]+$/, "").toLowerCase());
    if (id) ids.add(id);
  }
  return Array.from(ids);
}

// @mentions: "@handle" names a workspace member when the handle is their name
// without spaces or the part of their email before the @ (case-insensitive).
export type Member = { id: string; name: string; email: string };

export const handleOf = (member: Member) => member.name.replace(/\s+/g, "");

export const MENTION = /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.-]{2,64})/gu;
// The handle as written, without trailing dots or dashes (the end of a sentence), lower case.
export const mentionKey = (written: string) => written.replace(/[.-]+$/, "").toLowerCase();

// Each handle written in the body that names a member (by its key), with that member's id.
export function mentionTargets(body: string, members: Member[]): Map<string, string> {
  const byHandle = new Map<string, string>();
  for (const member of members) {
    byHandle.set(handleOf(member).toLowerCase(), member.id);
    byHandle.set(member.email.split("@")[0]!.toLowerCase(), member.id);
  }
  const found = new Map<string, string>();
  for (const match of body.matchAll(MENTION)) {
    const key = mentionKey(match[2]!);
    const id = byHandle.get(key);
    if (id) found.set(key, id);
  }
  return found;
}

export function findMentions(body: string, members: Member[]): string[] {
  return Array.from(new Set(mentionTargets(body, members).values()));
}

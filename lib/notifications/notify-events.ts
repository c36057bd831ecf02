import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { htmlPlainText } from "@/lib/markdown/markdown-plain-text";
import { isVoteMilestone } from "./vote-milestones";
import { candidatesOf, fanOut, notificationsEnabled, type SeenItem } from "./fan-out";

// The events that notify someone, each written in its event's transaction (see fan-out.ts
// for who is never notified). The key of each names the event, so writing it again (a
// reply approved after pre-moderation, a retried transaction) notifies nobody twice.

type Executor = Parameters<typeof fanOut>[0];

const EXCERPT_CHARS = 160;
export const excerptOf = (html: string | null | undefined) => {
  const text = htmlPlainText(html ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text;
};

// People following a document or a thread: explicit follows, and an annotation's author by
// default; an explicit unfollow of the thread overrides both.
function followersSql(documentIds: string[], annotationId: string | null, rank: number) {
  const thread = annotationId
    ? Prisma.sql`OR (f."targetType" = 'annotation' AND f."targetId" = ${annotationId})`
    : Prisma.empty;
  const author = annotationId
    ? Prisma.sql`UNION ALL SELECT "creatorId" FROM "Annotation" WHERE id = ${annotationId}`
    : Prisma.empty;
  const unfollowed = annotationId
    ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Follow" u WHERE u."userId" = following."userId"
        AND u."targetType" = 'annotation' AND u."targetId" = ${annotationId} AND NOT u.following)`
    : Prisma.empty;
  return Prisma.sql`
    SELECT following."userId", 'follow'::text AS kind, ${rank}::int AS rank FROM (
      SELECT f."userId" FROM "Follow" f
      WHERE f.following AND ((f."targetType" = 'document' AND f."targetId" = ANY(${documentIds}::text[])) ${thread})
      ${author}
    ) following
    WHERE TRUE ${unfollowed}`;
}

export type ReplyEvent = {
  id: string;
  workspaceId: string;
  authorId: string;
  annotationId: string | null;
  linkId: string | null;
  parentId: string | null;
  mentionedIds: string[];
  stance: string;
  bodyHtml: string | null;
};

// A reply: those it mentions, then the author of what it answers (the reply, or the thread's
// passage or link), then the followers of its thread and document(s).
export async function notifyReply(executor: Executor, reply: ReplyEvent, documentIds: string[]) {
  if (!notificationsEnabled()) return 0;
  const answered = reply.parentId
    ? Prisma.sql`SELECT "authorId" AS "userId", 'reply'::text AS kind, 1 AS rank FROM "Reply" WHERE id = ${reply.parentId}`
    : reply.annotationId
      ? Prisma.sql`SELECT "creatorId" AS "userId", 'reply'::text AS kind, 1 AS rank FROM "Annotation" WHERE id = ${reply.annotationId}`
      : Prisma.sql`SELECT "creatorId" AS "userId", 'reply'::text AS kind, 1 AS rank FROM "PassageLink" WHERE id = ${reply.linkId}`;
  const seen: SeenItem[] = [
    { table: "Reply", id: reply.id },
    reply.annotationId ? { table: "Annotation", id: reply.annotationId } : { table: "PassageLink", id: reply.linkId! },
  ];
  return fanOut(executor, {
    candidates: Prisma.sql`${candidatesOf(reply.mentionedIds, "mention", 0)} UNION ALL ${answered}
      UNION ALL ${followersSql(documentIds, reply.annotationId, 2)}`,
    actorId: reply.authorId,
    workspaceId: reply.workspaceId,
    key: `reply:${reply.id}`,
    targets: {
      documentId: documentIds[0] ?? null,
      annotationId: reply.annotationId,
      replyId: reply.id,
      linkId: reply.linkId,
    },
    data: {
      stance: reply.stance,
      to: reply.parentId ? "reply" : reply.annotationId ? "passage" : "link",
      excerpt: excerptOf(reply.bodyHtml),
    },
    seen,
  });
}

// A new passage (annotation): those its comment mentions, then the document's followers.
export async function notifyAnnotation(
  executor: Executor,
  annotation: { id: string; workspaceId: string; documentId: string; creatorId: string; bodyHtml: string | null },
  mentionedIds: string[],
) {
  if (!notificationsEnabled()) return 0;
  return fanOut(executor, {
    candidates: Prisma.sql`${candidatesOf(mentionedIds, "mention", 0)} UNION ALL ${followersSql([annotation.documentId], null, 2)}`,
    actorId: annotation.creatorId,
    workspaceId: annotation.workspaceId,
    key: `annotation:${annotation.id}`,
    targets: { documentId: annotation.documentId, annotationId: annotation.id },
    data: { activity: "annotation", excerpt: excerptOf(annotation.bodyHtml) },
    seen: [{ table: "Annotation", id: annotation.id }],
  });
}

// Members an edited comment or reply names for the first time: told once per comment or
// reply, whatever later edits do; those it already named were told when it was written.
export async function notifyNewMentions(
  executor: Executor,
  item: {
    kind: "reply" | "annotation";
    id: string;
    workspaceId: string;
    authorId: string;
    documentId: string;
    annotationId: string | null;
    linkId?: string | null;
    bodyHtml: string | null;
  },
  newlyMentionedIds: string[],
) {
  if (!notificationsEnabled() || !newlyMentionedIds.length) return 0;
  const thread: SeenItem = item.annotationId
    ? { table: "Annotation", id: item.annotationId }
    : { table: "PassageLink", id: item.linkId! };
  return fanOut(executor, {
    candidates: candidatesOf(newlyMentionedIds, "mention", 0),
    actorId: item.authorId,
    workspaceId: item.workspaceId,
    key: `mention:${item.kind}:${item.id}`,
    targets: {
      documentId: item.documentId,
      annotationId: item.annotationId,
      ...(item.kind === "reply" ? { replyId: item.id, linkId: item.linkId ?? null } : {}),
    },
    data: { excerpt: excerptOf(item.bodyHtml) },
    seen: item.kind === "reply" ? [{ table: "Reply", id: item.id }, thread] : [thread],
  });
}

// A new link: the authors of its two passages.
export async function notifyLink(
  executor: Executor,
  link: { id: string; workspaceId: string; creatorId: string; relation: string; rationaleHtml: string | null },
  from: { id: string; documentId: string; creatorId: string },
  to: { id: string; documentId: string; creatorId: string },
) {
  if (!notificationsEnabled()) return 0;
  const written = await fanOut(executor, {
    candidates: candidatesOf([to.creatorId], "link", 1),
    actorId: link.creatorId,
    workspaceId: link.workspaceId,
    key: `link:${link.id}`,
    targets: { documentId: to.documentId, annotationId: to.id, linkId: link.id },
    data: { relation: link.relation, excerpt: excerptOf(link.rationaleHtml) },
    seen: [{ table: "PassageLink", id: link.id }],
  });
  // Each author is pointed at their own passage.
  return (
    written +
    (await fanOut(executor, {
      candidates: candidatesOf([from.creatorId], "link", 1),
      actorId: link.creatorId,
      workspaceId: link.workspaceId,
      key: `link:${link.id}`,
      targets: { documentId: from.documentId, annotationId: from.id, linkId: link.id },
      data: { relation: link.relation, excerpt: excerptOf(link.rationaleHtml) },
      seen: [{ table: "PassageLink", id: link.id }],
    }))
  );
}

// A vote that brings a reply's or a link's upvotes to a milestone: its author, once per milestone.
export async function notifyVoteMilestone(
  executor: Executor,
  vote: { voterId: string; workspaceId: string; up: number; documentIds: string[] },
  target:
    | { kind: "reply"; id: string; authorId: string; annotationId: string | null; linkId: string | null }
    | {
        kind: "link";
        id: string;
        authorId: string;
      },
) {
  if (!notificationsEnabled() || !isVoteMilestone(vote.up)) return 0;
  const isReply = target.kind === "reply";
  return fanOut(executor, {
    candidates: candidatesOf([target.authorId], "vote", 1),
    actorId: vote.voterId,
    workspaceId: vote.workspaceId,
    key: `vote:${target.id}:${vote.up}`,
    targets: isReply
      ? {
          documentId: vote.documentIds[0] ?? null,
          annotationId: target.annotationId,
          replyId: target.id,
          linkId: target.linkId,
        }
      : { documentId: vote.documentIds[0] ?? null, linkId: target.id },
    data: { votes: vote.up, to: isReply ? "reply" : "link" },
    seen: [isReply ? { table: "Reply", id: target.id } : { table: "PassageLink", id: target.id }],
  });
}

export type ModerationEvent = {
  actionId: string;
  moderatorId: string;
  action: string;
  reason: string | null;
  workspaceId: string;
  documentIds: string[];
  target: { type: "annotation" | "reply" | "link"; id: string; authorId: string; annotationId: string | null };
};

// A moderation decision: the author of the item (told even when it is now hidden from them);
// for a resolved thread also everyone who replied in it, if they may still see it.
export async function notifyModeration(executor: Executor, event: ModerationEvent) {
  if (!notificationsEnabled()) return 0;
  const { target } = event;
  const common = {
    actorId: event.moderatorId,
    workspaceId: event.workspaceId,
    key: `moderation:${event.actionId}`,
    targets: {
      documentId: event.documentIds[0] ?? null,
      annotationId: target.annotationId,
      replyId: target.type === "reply" ? target.id : null,
      linkId: target.type === "link" ? target.id : null,
    },
    data: { action: event.action, reason: event.reason ?? undefined, to: target.type },
  };
  // The thread around a reply must still be theirs to see.
  const context: SeenItem[] =
    target.type === "reply" && target.annotationId ? [{ table: "Annotation", id: target.annotationId }] : [];
  let written = await fanOut(executor, {
    ...common,
    candidates: candidatesOf([target.authorId], "moderation", 1),
    seen: context,
  });
  if (event.action === "resolve" && target.type === "annotation")
    written += await fanOut(executor, {
      ...common,
      candidates: Prisma.sql`SELECT DISTINCT "authorId" AS "userId", 'moderation'::text AS kind, 2 AS rank
        FROM "Reply" WHERE "annotationId" = ${target.id} AND "deletedAt" IS NULL`,
      seen: [{ table: "Annotation", id: target.id }],
    });
  return written;
}

// An invitation: the person with that email, if they have an account (the API's answer
// does not change either way). They are not a member yet.
export async function notifyInvitation(
  executor: Executor,
  invitation: { id: string; workspaceId: string; email: string; role: string; invitedById: string; tokenHash: string },
) {
  if (!notificationsEnabled()) return 0;
  return fanOut(executor, {
    candidates: Prisma.sql`SELECT id AS "userId", 'invitation'::text AS kind, 1 AS rank FROM "User"
      WHERE lower(email) = lower(${invitation.email})`,
    actorId: invitation.invitedById,
    workspaceId: invitation.workspaceId,
    key: `invitation:${invitation.id}:${invitation.tokenHash.slice(0, 16)}`,
    targets: { invitationId: invitation.id },
    data: { role: invitation.role },
    membersOnly: false,
  });
}

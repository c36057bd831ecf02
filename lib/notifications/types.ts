// The shapes of notifications shared by in-app delivery (this folder) and mail (lib/mail).
// Rows are Prisma's Notification and Follow models; these types name what they hold.
import type { Follow, Notification } from "@/lib/generated/prisma/client";
import type { FollowTargetType, NotificationKind } from "./kinds";

export type { Follow, Notification };
export type { FollowTargetType, NotificationKind };

// The small facts shown with a notification (Notification.data); each kind uses a few.
export type NotificationData = {
  // reply: the reply's stance ("supports", "opposes", …).
  stance?: string;
  // link: the link's relation ("supports", "contradicts", …).
  relation?: string;
  // moderation: what was done ("hide", "restore", "approve", "resolve") and why.
  action?: string;
  reason?: string;
  // vote: the milestone reached (1, 5, 10, 25, …).
  votes?: number;
  // A short plain-text excerpt of the reply, annotation or rationale.
  excerpt?: string;
  // What was answered, linked, voted on or moderated: "passage", "reply", "link", "annotation".
  to?: string;
  // follow: what happened in the followed document or thread ("reply", "annotation").
  activity?: string;
  // invitation: the role offered.
  role?: string;
};

// One notification to write: the fan-out service turns events into these.
export type NotificationInput = {
  recipientId: string;
  actorId: string | null;
  workspaceId: string;
  kind: NotificationKind;
  documentId?: string | null;
  annotationId?: string | null;
  replyId?: string | null;
  linkId?: string | null;
  invitationId?: string | null;
  data?: NotificationData;
  // Names the event: unique per recipient (e.g. "reply:<replyId>", "vote:<replyId>:5").
  key: string;
};

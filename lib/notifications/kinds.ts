// The one vocabulary of notifications: what can notify someone, and how each kind may be
// delivered by email. In-app notifications are always written; `delivery` only decides mail.

export const NOTIFICATION_KINDS = [
  // A reply to my annotation or to my reply.
  "reply",
  // An @mention of me in an annotation or a reply.
  "mention",
  // A new link to or from my passage.
  "link",
  // A vote milestone on my reply (first upvote, then 5, 10, …).
  "vote",
  // A moderation decision on my contribution or a thread I took part in.
  "moderation",
  // An invitation to a workspace.
  "invitation",
  // Activity in a document or a thread I follow.
  "follow",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DELIVERY_MODES = ["instant", "digest", "never"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

// Mail for a kind nobody chose a mode for.
export const DEFAULT_DELIVERY: Record<NotificationKind, DeliveryMode> = {
  reply: "instant",
  mention: "instant",
  link: "digest",
  vote: "digest",
  moderation: "instant",
  invitation: "instant",
  follow: "digest",
};

export const FOLLOW_TARGET_TYPES = ["document", "annotation"] as const;
export type FollowTargetType = (typeof FOLLOW_TARGET_TYPES)[number];

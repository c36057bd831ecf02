// Response shapes: notifications and follows.
import { z } from "zod";
import { FOLLOW_TARGET_TYPES, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { dateTime, described, integer, named, nullableDateTime, UserRef, WorkspaceRef } from "./common";

export const Notification = named(
  "Notification",
  z.object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    text: described(z.string(), 'What happened, as a sentence: "Yuri replied opposes to your passage in Lin 2023"'),
    href: described(z.string(), "Where it leads: the document at the passage (?reply= names the reply), or a page"),
    createdAt: dateTime,
    readAt: nullableDateTime,
    actor: UserRef.nullable(),
    workspace: WorkspaceRef,
    document: z.object({ id: z.string(), title: z.string() }).nullable(),
    annotationId: z.string().nullable(),
    replyId: z.string().nullable(),
    linkId: z.string().nullable(),
    data: described(
      z.object({
        stance: z.string().optional(),
        relation: z.string().optional(),
        action: z.string().optional(),
        reason: z.string().optional(),
        votes: integer.optional(),
        excerpt: z.string().optional(),
        activity: z.string().optional(),
        to: z.string().optional(),
        role: z.string().optional(),
      }),
      "The small facts shown with it; each kind uses a few",
    ),
  }),
);

export const NotificationPage = named(
  "NotificationPage",
  z.object({
    items: z.array(Notification),
    nextCursor: z.string().nullable(),
    unreadCount: described(integer, "All my unread notifications, whatever the page"),
  }),
);

export const NotificationsRead = named(
  "NotificationsRead",
  z.object({ read: described(integer, "How many were marked read now"), unreadCount: integer }),
);

export const FollowState = named(
  "FollowState",
  z.object({ targetType: z.enum(FOLLOW_TARGET_TYPES), targetId: z.string(), following: z.boolean() }),
);

// Response shapes: moderation results, the queue and the audit log.
import { z } from "zod";
import { dateTime, described, integer, itemStatus, named, UserRef } from "./common";

const TARGET_TYPES = ["annotation", "reply", "link"] as const;

export const ModerationResult = named(
  "ModerationResult",
  z.object({
    action: z.string(),
    flagsResolved: integer,
    target: z.object({
      type: z.enum(TARGET_TYPES),
      id: z.string(),
      status: itemStatus,
      isLocked: z.boolean(),
      isPinned: z.boolean(),
      isResolved: z.boolean(),
      isFeatured: z.boolean(),
      version: integer,
    }),
  }),
);

export const QueueItem = named(
  "QueueItem",
  z.object({
    targetType: z.enum(TARGET_TYPES),
    targetId: z.string(),
    status: itemStatus,
    version: integer,
    isLocked: z.boolean(),
    isPinned: z.boolean(),
    author: UserRef,
    body: z.string(),
    lead: described(z.string().nullable(), "A reply's stance or a link's relation"),
    bodyHtml: z.string(),
    quote: z.string(),
    documentId: z.string(),
    documentTitle: z.string(),
    annotationId: z.string(),
    flags: z.array(z.object({ reason: z.string(), reporter: z.string(), createdAt: dateTime })),
    createdAt: dateTime,
  }),
);

export const AuditEntry = named(
  "AuditEntry",
  z.object({
    id: z.string(),
    createdAt: dateTime,
    actor: UserRef,
    action: z.string(),
    targetType: described(z.string(), "document, annotation, reply, link or member"),
    targetId: z.string(),
    target: described(
      z.string().nullable(),
      "What the action touched, as a person reads it: a document's title, an annotation's quote, a reply's first words, a link's two quotes, a member's name",
    ),
    reason: z.string().nullable(),
    details: z.unknown(),
  }),
);

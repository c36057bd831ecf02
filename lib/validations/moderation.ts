import { z } from "zod";

export const TARGET_TYPES = ["annotation", "reply", "link"] as const;
export const MODERATION_ACTIONS = [
  "hide",
  "restore",
  "lock",
  "unlock",
  "pin",
  "unpin",
  "resolve-flag",
  "resolve-thread",
  "feature",
  "unfeature",
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

const reason = z
  .string()
  .trim()
  .min(3, "Give a reason of at least 3 characters.")
  .max(2000, "A reason is at most 2,000 characters.");
const target = {
  targetType: z.enum(TARGET_TYPES, { error: "targetType is one of annotation, reply, link." }),
  targetId: z.string().min(1).max(64),
};

export const createFlagSchema = z.object({ ...target, reason });

export const moderationActionSchema = z
  .object({
    ...target,
    action: z.enum(MODERATION_ACTIONS, { error: `action is one of ${MODERATION_ACTIONS.join(", ")}.` }),
    reason,
    // The item's version as the moderator saw it: a changed item answers 409.
    version: z.number().int().min(1).optional(),
    // For resolve-thread: what the thread settled, shown above it.
    summary: z.string().trim().min(3, "Summarize the outcome in a few words.").max(5000).optional(),
  })
  .refine((input) => input.action !== "resolve-thread" || input.summary, {
    message: "Resolving a thread needs a summary.",
    path: ["summary"],
  });
export type ModerationActionInput = z.infer<typeof moderationActionSchema>;

export const AUDIT_ACTIONS = [
  ...MODERATION_ACTIONS,
  "merge",
  "member-add",
  "member-role",
  "member-remove",
  "document-delete",
  "document-revise",
] as const;

export const mergeLinkSchema = z.object({ intoLinkId: z.string().min(1).max(64), reason });

export const auditLogQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.string().max(64).optional(),
  targetType: z.string().max(20).optional(),
  format: z.enum(["json", "csv"]).default("json"),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});

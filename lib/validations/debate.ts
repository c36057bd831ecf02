import { z } from "zod";
import { labelSchema } from "./common";

// The stance vocabulary, defined here only: replies take any stance; a passage placed under
// a claim states one of the first three (it cannot "ask").
export const STANCES = ["supports", "opposes", "qualifies", "asks"] as const;
export const PLACED_STANCES = ["supports", "opposes", "qualifies"] as const;
// What a stored reply may hold: also `unknown`, for replies imported from a tool that has no
// stances (Hypothesis). Nobody chooses it when writing; it is kept rather than invented.
export const REPLY_STANCES = [...STANCES, "unknown"] as const;
export const LINK_RELATIONS = ["agrees", "contradicts", "qualifies", "elaborates"] as const;
export type Stance = (typeof STANCES)[number];
export type ReplyStance = (typeof REPLY_STANCES)[number];
export type PlacedStance = (typeof PLACED_STANCES)[number];
export type LinkRelation = (typeof LINK_RELATIONS)[number];

const id = (what: string) => z.string().min(1, `${what} is required.`).max(64);
const replyBody = z
  .string()
  .trim()
  .min(1, "Write something to reply.")
  .max(20_000, "A reply is at most 20,000 characters.");

export const createReplySchema = z.object({
  body: replyBody,
  stance: z.enum(STANCES, { error: "stance is one of supports, opposes, qualifies, asks." }),
  parentId: id("parentId").nullish(),
});
export type CreateReplyInput = z.infer<typeof createReplySchema>;

export const updateReplySchema = z.object({
  body: replyBody.optional(),
  // An imported reply's `unknown` may be kept while its body is edited.
  stance: z.enum(REPLY_STANCES).optional(),
  version: z.number().int().min(1),
});
export type UpdateReplyInput = z.infer<typeof updateReplySchema>;

// 1 up, -1 down; 0 takes one's vote back.
export const voteSchema = z.object({
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], {
    error: "value is 1, -1 or 0 (to take the vote back).",
  }),
});

export const createLinkSchema = z.object({
  fromAnnotationId: id("fromAnnotationId"),
  toAnnotationId: id("toAnnotationId"),
  relation: z.enum(LINK_RELATIONS, { error: "relation is one of agrees, contradicts, qualifies, elaborates." }),
  rationale: z.string().trim().max(5_000, "A rationale is at most 5,000 characters.").default(""),
  // A near-duplicate of an existing link is refused (409 duplicate) unless this is true.
  allowDuplicate: z.boolean().default(false),
});
export type CreateLinkInput = z.infer<typeof createLinkSchema>;

export const linkFiltersSchema = z.object({
  relation: z.enum(LINK_RELATIONS).optional(),
  documentId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const passageSearchSchema = z.object({
  q: z
    .string()
    .max(500)
    .transform((value) => value.replaceAll("\u0000", "").trim())
    .default(""),
  excludeDocumentId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(12),
});

export const createClaimSchema = z.object({
  title: labelSchema(3, 300, "A claim needs a title of at least 3 characters."),
  description: z.string().trim().max(5_000).default(""),
  // A claim whose title nearly repeats an existing one is refused (409 duplicate) unless this is true.
  allowDuplicate: z.boolean().default(false),
});

export const claimPassageSchema = z.object({
  annotationId: id("annotationId"),
  stance: z.enum(PLACED_STANCES, { error: `stance is one of ${PLACED_STANCES.join(", ")}.` }),
});

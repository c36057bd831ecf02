// Response shapes: threads, votes, links and claims.
import { z } from "zod";
import { LINK_RELATIONS, PLACED_STANCES, REPLY_STANCES } from "@/lib/validations/debate";
import { dateTime, described, integer, itemStatus, named, provenanceFields, UserRef } from "./common";
import { Annotation } from "./documents";

export const VoteTally = named(
  "VoteTally",
  z.object({ score: integer, up: integer, down: integer, mine: z.union([z.literal(1), z.literal(-1), z.literal(0)]) }),
);

const replyFields = {
  id: z.string(),
  parentId: z.string().nullable(),
  author: UserRef,
  stance: z.enum(REPLY_STANCES),
  body: described(z.string(), "Markdown"),
  bodyHtml: described(z.string(), "The body rendered and sanitized"),
  status: itemStatus,
  isPinned: z.boolean(),
  votes: VoteTally,
  editCount: integer,
  version: integer,
  createdAt: dateTime,
  updatedAt: dateTime,
  ...provenanceFields,
};
export const Reply = named("Reply", z.object(replyFields));

export type ReplyNodeShape = z.infer<typeof Reply> & { replies: ReplyNodeShape[] };
export const ReplyNode: z.ZodType<ReplyNodeShape> = named(
  "ReplyNode",
  z.object({
    ...replyFields,
    get replies() {
      return z.array(ReplyNode);
    },
  }),
);

export const ReplyEdit = named("ReplyEdit", z.object({ body: z.string(), replacedAt: dateTime }));

const LinkEnd = z.object({
  annotationId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  quote: z.string(),
  start: integer,
  end: integer,
  anchorStatus: z.enum(["anchored", "moved", "orphaned"]),
});

export const Link = named(
  "Link",
  z.object({
    id: z.string(),
    workspaceId: z.string(),
    relation: z.enum(LINK_RELATIONS),
    rationale: described(z.string(), "Markdown, as written"),
    rationaleHtml: described(z.string(), "The rationale rendered to sanitized HTML"),
    status: itemStatus,
    needsReview: described(z.boolean(), "An end was re-anchored to edited text: check the link"),
    isLocked: z.boolean(),
    score: integer,
    replyCount: described(integer, "Replies in its thread as this caller sees them"),
    creator: UserRef,
    from: LinkEnd,
    to: LinkEnd,
    version: integer,
    createdAt: dateTime,
    ...provenanceFields,
  }),
);

// A thread: its replies as this caller sees them.
const thread = { locked: z.boolean(), count: integer, replies: z.array(ReplyNode) };
export const AnnotationThread = named("AnnotationThread", z.object({ annotation: Annotation, ...thread }));
export const LinkThread = named("LinkThread", z.object({ link: Link, ...thread }));

export const ClaimPassage = named(
  "PlacedPassage",
  z.object({
    annotationId: z.string(),
    stance: z.enum(PLACED_STANCES),
    quote: z.string(),
    documentId: z.string(),
    documentTitle: z.string(),
  }),
);

export const Claim = named(
  "Claim",
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    createdAt: dateTime,
    passageCount: described(integer, "Passages placed under it that this caller sees"),
    passages: z.array(ClaimPassage),
  }),
);

export const ClaimMatrix = named(
  "ClaimMatrix",
  z.object({
    claims: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
    documents: described(
      z.array(z.object({ id: z.string(), title: z.string(), authors: z.array(z.string()) })),
      "A page of the documents that take a stance on some claim, oldest first",
    ),
    stanceTakingDocuments: described(integer, "Documents that take a stance, over all pages"),
    otherDocuments: described(integer, "Documents of the workspace that take no stance on any claim"),
    nextCursor: z.string().nullable(),
    cells: z.array(
      z.object({
        claimId: z.string(),
        documentId: z.string(),
        stance: z.enum(["supports", "opposes", "mixed"]),
        supports: integer,
        opposes: integer,
        qualifies: integer,
        passageIds: z.array(z.string()),
        passages: described(
          z.array(
            z.object({
              annotationId: z.string(),
              quote: z.string(),
              stance: z.enum(PLACED_STANCES),
              isLinked: z.boolean(),
            }),
          ),
          "The passages behind the stance: placed under the claim, or linked to one that is",
        ),
      }),
    ),
  }),
);

// Response shapes: documents, annotations, search.
import { z } from "zod";
import { SOURCE_FORMATS } from "@/lib/documents/import/types";
import { blockSchema } from "@/lib/documents/structure/blocks";
import { REPLY_STANCES } from "@/lib/validations/debate";
import {
  dateTime,
  described,
  integer,
  itemStatus,
  named,
  nullableDateTime,
  provenanceFields,
  UserRef,
  WorkspaceRef,
} from "./common";

const documentFields = {
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  sourceUrl: z.string().nullable(),
  publishedAt: described(nullableDateTime, "The first instant of the period publishedPrecision names"),
  publishedPrecision: described(
    z.enum(["year", "month", "day"]).nullable(),
    "How much of publishedAt the source gave (null without a date)",
  ),
  sourceFormat: z.enum(SOURCE_FORMATS),
  version: described(integer, "The text's version: it changes with each new revision, and only then"),
  metadataVersion: described(integer, "Changes with each edit of the details; send it with PATCH"),
  length: described(integer, "Length of the text in code points"),
  createdBy: UserRef.nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
};

// Open: document structure is being added alongside.
export const Document = named("Document", z.looseObject(documentFields));
export const DocumentWithText = named(
  "DocumentWithText",
  z.looseObject({
    ...documentFields,
    text: z.string(),
    blocks: described(
      z.array(blockSchema),
      "The text's structure, in order: ranges over `text` in code points (like TextPositionSelector); `page` (1-based) is where a block starts in a paginated source",
    ),
    pageCount: described(integer.nullable(), "Pages of a paginated source (PDF), else null"),
  }),
);

// A row of a workspace's document list, with the passages this caller sees counted.
export const DocumentListItem = named(
  "DocumentListItem",
  z.looseObject({
    id: z.string(),
    title: z.string(),
    authors: z.array(z.string()),
    sourceUrl: z.string().nullable(),
    publishedAt: nullableDateTime,
    publishedPrecision: z.enum(["year", "month", "day"]).nullable(),
    sourceFormat: z.enum(SOURCE_FORMATS),
    version: integer,
    metadataVersion: integer,
    annotationCount: described(integer, "Passages this caller sees (the item-visibility rule)"),
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
);

export const Revision = named(
  "Revision",
  z.object({
    document: Document,
    reanchoring: z.object({ anchored: integer, moved: integer, orphaned: integer }),
  }),
);

export const Annotation = named(
  "Annotation",
  z.object({
    id: z.string(),
    workspaceId: z.string(),
    documentId: z.string(),
    motivation: z.enum(["highlighting", "commenting", "tagging", "linking"]),
    selectors: z.array(z.record(z.string(), z.unknown())),
    start: integer,
    end: integer,
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    page: described(
      integer.nullable(),
      "The page (1-based) of the passage's start in a paginated source (PDF), from the current text's blocks; null otherwise or when orphaned",
    ),
    section: described(
      z.array(z.string()),
      "The heading path of the passage's start, outermost first (the title heading excluded); empty without headings or when orphaned",
    ),
    anchorStatus: z.enum(["anchored", "moved", "orphaned"]),
    anchoredVersion: integer,
    body: described(z.string(), "Markdown"),
    bodyHtml: described(z.string(), "The body rendered and sanitized"),
    tags: z.array(z.string()),
    color: z.string().nullable(),
    status: itemStatus,
    isLocked: z.boolean(),
    isPinned: z.boolean(),
    isFeatured: z.boolean(),
    resolution: z.object({ summary: z.string(), summaryHtml: z.string(), resolvedAt: dateTime }).nullable(),
    creator: UserRef,
    replyCount: described(integer, "Replies in its thread as this caller sees them"),
    replyStances: z.array(z.enum(REPLY_STANCES)).optional(),
    version: integer,
    createdAt: dateTime,
    updatedAt: dateTime,
    ...provenanceFields,
  }),
);

const codePointRange = z.object({ start: integer, end: integer });

const matchCount = z.object({ count: integer, isEstimate: z.boolean() });

export const SearchResults = named(
  "SearchResults",
  z.object({
    query: z.string(),
    nextCursor: z.string().nullable(),
    counts: described(
      z.object({ documents: matchCount, annotations: matchCount, replies: matchCount }),
      "How many match in each group. Ranking and counting stop at the first 500 candidates of a group: then " +
        "`isEstimate` is true and `count` is a lower bound (show it as “about N” or “N+”).",
    ),
    documents: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        titleHtml: z.string(),
        authors: z.array(z.string()),
        workspace: WorkspaceRef,
        rank: z.number(),
        snippetHtml: z.string(),
        match: codePointRange.nullable(),
      }),
    ),
    annotations: z.array(
      z.object({
        id: z.string(),
        documentId: z.string(),
        documentTitle: z.string(),
        workspace: WorkspaceRef,
        quote: z.string(),
        quoteHtml: z.string(),
        body: z.string(),
        tags: z.array(z.string()),
        status: itemStatus,
        creator: UserRef,
        createdAt: dateTime,
        rank: z.number(),
        snippetHtml: z.string(),
      }),
    ),
    replies: z.array(
      z.object({
        id: z.string(),
        stance: z.enum(REPLY_STANCES),
        status: itemStatus,
        author: UserRef,
        createdAt: dateTime,
        thread: z.object({ kind: z.enum(["annotation", "link"]), id: z.string() }),
        passageId: z.string(),
        documentId: z.string(),
        documentTitle: z.string(),
        workspace: WorkspaceRef,
        rank: z.number(),
        snippetHtml: z.string(),
      }),
    ),
  }),
);

export const TagList = named(
  "TagList",
  z.object({ items: z.array(z.string()), nextCursor: z.null() }),
  "Tags on the passages this caller sees, most used first",
);

export const MarkdownPreview = named("MarkdownPreviewResult", z.object({ html: z.string() }));

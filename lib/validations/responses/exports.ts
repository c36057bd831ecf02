// Response shapes: background exports and collections.
import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/validations/export";
import { LINK_RELATIONS } from "@/lib/validations/debate";
import { dateTime, integer, itemStatus, named, nullableDateTime, UserRef } from "./common";

// Open: the job queue that runs exports is being made durable alongside.
export const ExportJob = named(
  "ExportJob",
  z.looseObject({
    id: z.string(),
    workspaceId: z.string(),
    scope: z.object({ kind: z.enum(["workspace", "document", "collection"]), id: z.string() }),
    format: z.enum(EXPORT_FORMATS),
    status: z.enum(["queued", "running", "done", "failed"]),
    progress: z.number().min(0).max(1),
    stage: z.string(),
    error: z.string().nullable(),
    fileName: z.string().nullable(),
    size: integer.nullable(),
    createdAt: dateTime,
    finishedAt: nullableDateTime,
    expiresAt: dateTime,
    statusUrl: z.string(),
    downloadUrl: z.string().nullable(),
  }),
);

const CollectionPassage = z.object({
  annotationId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  quote: z.string(),
  commentHtml: z.string(),
  author: z.string(),
  status: itemStatus,
});

const itemFields = {
  id: z.string(),
  note: z.string(),
  noteHtml: z.string(),
  position: integer,
  createdAt: dateTime,
  targetId: z.string(),
};

const collectionFields = {
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  description: z.string().meta({ description: "Markdown introduction" }),
  createdBy: UserRef,
  createdAt: dateTime,
  updatedAt: dateTime,
};

export const Collection = named(
  "Collection",
  z.object({
    ...collectionFields,
    canEdit: z.boolean().optional(),
    items: z.array(
      z.discriminatedUnion("type", [
        z.object({ ...itemFields, type: z.literal("annotation"), passage: CollectionPassage }),
        z.object({
          ...itemFields,
          type: z.literal("link"),
          link: z.object({
            id: z.string(),
            relation: z.enum(LINK_RELATIONS),
            rationale: z.string(),
            rationaleHtml: z.string(),
            status: itemStatus,
            creator: z.string(),
            from: CollectionPassage,
            to: CollectionPassage,
          }),
        }),
      ]),
    ),
  }),
);

export const CollectionSummary = named("CollectionSummary", z.object({ ...collectionFields, itemCount: integer }));

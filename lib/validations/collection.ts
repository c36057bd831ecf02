import { z } from "zod";
import { labelSchema } from "./common";

const title = labelSchema(1, 200, "Give the collection a title (under 200 characters).");
const description = z.string().max(20_000, "Keep the introduction under 20,000 characters.");
const note = z.string().max(5_000, "Keep the note under 5,000 characters.");

export const createCollectionSchema = z.object({ title, description: description.default("") });
export const updateCollectionSchema = z
  .object({ title: title.optional(), description: description.optional() })
  .refine(
    (value) => value.title !== undefined || value.description !== undefined,
    "Send a title or a description to change.",
  );
export const addCollectionItemSchema = z.object({
  type: z.enum(["annotation", "link"], { error: 'type is "annotation" or "link".' }),
  id: z.string().trim().min(1).max(64),
  note: note.default(""),
});
export const updateCollectionItemSchema = z.object({ note });
export const reorderCollectionSchema = z.object({
  itemIds: z
    .array(z.string().min(1).max(64))
    .max(10_000)
    .refine((ids) => new Set(ids).size === ids.length, "Each item appears once."),
});

export type CreateCollectionInput = z.infer<typeof createCollectionSchema>;
export type UpdateCollectionInput = z.infer<typeof updateCollectionSchema>;
export type AddCollectionItemInput = z.infer<typeof addCollectionItemSchema>;

import { z } from "zod";
import { ANNOTATION_COLORS } from "@/lib/annotations/colors";

const quoteSelectorSchema = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1, "The quote is empty.").max(20_000),
  prefix: z.string().max(1000).optional(),
  suffix: z.string().max(1000).optional(),
});
const positionSelectorSchema = z
  .object({ type: z.literal("TextPositionSelector"), start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((selector) => selector.end > selector.start, { message: "end must be greater than start.", path: ["end"] });

export const selectorsSchema = z
  .array(z.discriminatedUnion("type", [quoteSelectorSchema, positionSelectorSchema]))
  .min(1, "Give a TextQuoteSelector, a TextPositionSelector or both.")
  .max(2)
  .refine(
    (selectors) => new Set(selectors.map((selector) => selector.type)).size === selectors.length,
    "Give each selector type once.",
  );
export type SelectorsInput = z.infer<typeof selectorsSchema>;

export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(50, "Tags are at most 50 characters.")
  .regex(/^[^\s,#][^,]*$/u, "Tags cannot contain commas or start with #.");

const tagsSchema = z
  .array(tagSchema)
  .max(20, "At most 20 tags.")
  .transform((tags) => Array.from(new Set(tags)));

export const createAnnotationSchema = z.object({
  selectors: selectorsSchema,
  body: z.string().max(20_000, "The comment is at most 20,000 characters.").default(""),
  tags: tagsSchema.default([]),
  color: z.enum(ANNOTATION_COLORS).nullish(),
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z.object({
  body: z.string().max(20_000, "The comment is at most 20,000 characters.").optional(),
  tags: tagsSchema.optional(),
  color: z.enum(ANNOTATION_COLORS).nullish(),
  version: z.number().int().min(1),
});
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

export const annotationFiltersSchema = z.object({
  tag: z.string().max(50).optional(),
  creator: z.string().max(64).optional(),
  anchorStatus: z.enum(["anchored", "moved", "orphaned"]).optional(),
  // Optional paging (the reader loads a long document's annotations page by page): without
  // a limit the whole list comes at once, as before. The cursor is the previous page's nextCursor.
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,7}$/, "Use the nextCursor of the previous page.")
    .optional(),
});

export const markdownPreviewSchema = z.object({ markdown: z.string().max(20_000) });

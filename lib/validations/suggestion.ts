import { z } from "zod";
import { idSchema } from "./common";

export const suggestionQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

// A fresh selection's related passages: at most 2,000 code points are compared.
export const selectionSuggestionQuerySchema = suggestionQuerySchema
  .extend({ start: z.coerce.number().int().min(0), end: z.coerce.number().int().min(1) })
  .refine((query) => query.end - query.start <= 2000, {
    message: "Select at most 2,000 characters.",
    path: ["end"],
  });
export type SelectionQuery = z.infer<typeof selectionSuggestionQuerySchema>;

export const dismissSuggestionSchema = z.object({
  documentId: idSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type DismissSuggestionInput = z.infer<typeof dismissSuggestionSchema>;

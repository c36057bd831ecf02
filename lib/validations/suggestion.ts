import { z } from "zod";
import { idSchema } from "./common";

export const suggestionQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const dismissSuggestionSchema = z.object({
  documentId: idSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type DismissSuggestionInput = z.infer<typeof dismissSuggestionSchema>;

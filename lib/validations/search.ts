import { z } from "zod";

// Search input comes from URLs typed or pasted anywhere: NUL characters are dropped, not stored or sent on.
const searchText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.replaceAll("\u0000", ""));

export const searchQuerySchema = z.object({
  // Kept as typed: a trailing space tells a finished word from one still being typed.
  q: searchText(500).default(""),
  tag: searchText(50)
    .transform((value) => value.trim() || undefined)
    .optional(),
  author: searchText(64)
    .transform((value) => value.trim() || undefined)
    .optional(),
  workspaceId: searchText(64)
    .transform((value) => value.trim() || undefined)
    .optional(),
  type: z.enum(["all", "documents", "annotations", "replies"]).default("all"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, "Use the nextCursor of the previous page.")
    .optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

// Response shapes: suggested links (lib/suggestions).
import { z } from "zod";
import { described, integer, named } from "./common";

export const RELATION_HINTS = ["agrees?", "contradicts?"] as const;

export const Suggestion = named(
  "Suggestion",
  z.object({
    documentId: z.string(),
    start: described(integer, "Code-point offset into the document's current text"),
    end: described(integer, "Code-point offset (exclusive)"),
    quote: z.string(),
    score: described(z.number(), "Relevance, 0–1, higher first"),
    reason: described(z.string(), 'Why it is suggested: "shared terms: …" or "similar meaning (paraphrase)"'),
    relationHint: described(z.enum(RELATION_HINTS), "A hint only, given where a cue justifies it").optional(),
  }),
);

export const SuggestionList = named("SuggestionList", z.object({ items: z.array(Suggestion) }));

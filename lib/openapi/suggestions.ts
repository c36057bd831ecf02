// OpenAPI paths and schemas for suggested links (lib/suggestions).
import { dismissSuggestionSchema } from "@/lib/validations/suggestion";
import { errors, jsonBody, jsonResponse, pathId, schema } from "./helpers";

export const SUGGESTION_PATHS = {
  "/api/v1/annotations/{id}/suggestions": {
    get: {
      summary:
        "Passages of the workspace's other documents that discuss what the annotation marks, best first: each with its quote, code-point offsets into that document's current text, a score, a short reason (shared terms, or similar meaning) and, where a cue justifies it, a relation hint (`agrees?` / `contradicts?`, a hint only)",
      description:
        "Only documents the caller may read; never the annotation's own document, passages already linked to it (through links the caller sees) or passages dismissed for it. Ranked by BM25 over words, stems and thesaurus concepts fused with sentence embeddings (Universal Sentence Encoder, computed on the job queue when a document is imported or revised).",
      parameters: [
        pathId("id"),
        {
          name: "limit",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: 50, default: 10 },
        },
      ],
      responses: { "200": jsonResponse("Suggestions", "SuggestionList"), ...errors(400, 401, 404) },
    },
  },
  "/api/v1/documents/{id}/suggestions": {
    get: {
      summary:
        "Related passages for a fresh selection, before it is annotated: the same ranking and item shape as an annotation's suggestions, for the document's text between `start` and `end` (code points, at most 2,000)",
      description:
        "For anyone who may read the document; never passages of the document itself. 400 when the selection is empty, longer than 2,000 code points or outside the current text.",
      parameters: [
        pathId("id"),
        { name: "start", in: "query", required: true, schema: { type: "integer", minimum: 0 } },
        { name: "end", in: "query", required: true, schema: { type: "integer", minimum: 1 } },
        {
          name: "limit",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: 50, default: 10 },
        },
      ],
      responses: { "200": jsonResponse("Suggestions", "SuggestionList"), ...errors(400, 401, 404) },
    },
  },
  "/api/v1/annotations/{id}/suggestions/dismiss": {
    post: {
      summary: "Hide a suggested passage for this annotation (for everyone); needs the right to link passages",
      parameters: [pathId("id")],
      requestBody: jsonBody("DismissSuggestion"),
      responses: { "204": { description: "Dismissed" }, ...errors(400, 401, 403, 404) },
    },
  },
};

export const SUGGESTION_SCHEMAS = { DismissSuggestion: schema(dismissSuggestionSchema) };

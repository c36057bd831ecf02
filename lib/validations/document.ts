import { z } from "zod";
import { labelSchema, paginationSchema } from "./common";
import { SOURCE_FORMATS } from "@/lib/documents/import/types";
import { parsePublished } from "@/lib/documents/published-date";

const authorsSchema = z.array(z.string().trim().min(1).max(200)).max(50);
const sourceUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: "Enter an http(s) URL." }));
// A year ("2023"), a month ("2023-09"), a date or a date-time; kept with its precision.
const publishedAtSchema = z
  .string()
  .regex(/^\d{4}(-\d{2})?$/)
  .or(z.iso.date())
  .or(z.iso.datetime({ offset: true }))
  .transform((value, context) => {
    const published = parsePublished(value);
    if (!published) context.addIssue({ code: "custom", message: "Enter a year, a month (YYYY-MM) or a date." });
    return published ?? z.NEVER;
  });

export const documentMetadataSchema = z.object({
  title: labelSchema(1, 300, "Give the document a title."),
  authors: authorsSchema.optional(),
  sourceUrl: sourceUrlSchema.nullish(),
  publishedAt: publishedAtSchema.nullish(),
});

// JSON import: exactly one of text, markdown, html or url (an article the server fetches;
// the scheme is checked by the fetcher, lib/documents/import/fetch-url.ts, with a clear 422).
export const createDocumentSchema = documentMetadataSchema
  .partial({ title: true })
  .extend({
    text: z.string().max(4_000_000).optional(),
    markdown: z.string().max(4_000_000).optional(),
    html: z.string().max(4_000_000).optional(),
    url: z.string().trim().min(1).max(2000).optional(),
    allowDuplicate: z.boolean().optional(),
  })
  .refine(
    (input) => [input.text, input.markdown, input.html, input.url].filter((value) => value !== undefined).length === 1,
    { message: "Send exactly one of text, markdown, html or url.", path: ["text"] },
  );
export type CreateDocumentInput = z.infer<typeof createDocumentSchema>;

// "true" imports a text the workspace already holds (else 409 duplicate); a form field or query parameter.
export const allowDuplicateField = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((value) => value === "true" || value === "1");

// Multipart import: the same optional metadata as form fields; authors comma- or newline-separated.
export const uploadFieldsSchema = z.object({
  title: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((value) => value || undefined),
  authors: z
    .string()
    .max(10_000)
    .optional()
    .transform((value) =>
      value
        ?.split(/[\n;]|,(?!\s*(?:jr|sr)\b)/i)
        .map((author) => author.trim())
        .filter(Boolean),
    )
    .pipe(authorsSchema.optional()),
  sourceUrl: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((value) => value || undefined)
    .pipe(sourceUrlSchema.optional()),
  publishedAt: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(publishedAtSchema.optional()),
  allowDuplicate: allowDuplicateField,
});

// metadataVersion guards the details against concurrent edits; version (the text's), when
// sent, also refuses an edit made over a text that has since changed.
export const updateDocumentSchema = documentMetadataSchema.partial().extend({
  metadataVersion: z.number().int().min(1),
  version: z.number().int().min(1).optional(),
});
export type UpdateDocumentInput = z.infer<typeof updateDocumentSchema>;

export const replaceTextSchema = z.object({
  text: z.string().min(1, "The new text is empty.").max(4_000_000),
  version: z.number().int().min(1),
});

// A workspace's document list: a page in one order, narrowed by format, author, year of
// publication and whether anyone has discussed the document.
export const DOCUMENT_SORTS = ["added", "published", "title"] as const;
const year = z.coerce.number().int().min(1000).max(9999);
export const listDocumentsSchema = paginationSchema.extend({
  sort: z.enum(DOCUMENT_SORTS).default("added"),
  format: z.enum(SOURCE_FORMATS).optional(),
  author: z.string().trim().min(1).max(200).optional(),
  from: year.optional(),
  to: year.optional(),
  discussed: z.enum(["yes", "no"]).optional(),
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsSchema>;

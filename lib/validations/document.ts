import { z } from "zod";

const authorsSchema = z.array(z.string().trim().min(1).max(200)).max(50);
const sourceUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: "Enter an http(s) URL." }));
const publishedAtSchema = z.iso
  .date()
  .or(z.iso.datetime({ offset: true }))
  .transform((value) => new Date(value));

export const documentMetadataSchema = z.object({
  title: z.string().trim().min(1, "Give the document a title.").max(300),
  authors: authorsSchema.optional(),
  sourceUrl: sourceUrlSchema.nullish(),
  publishedAt: publishedAtSchema.nullish(),
});

// JSON import: exactly one of text, markdown or html.
export const createDocumentSchema = documentMetadataSchema
  .partial({ title: true })
  .extend({
    text: z.string().max(4_000_000).optional(),
    markdown: z.string().max(4_000_000).optional(),
    html: z.string().max(4_000_000).optional(),
  })
  .refine((input) => [input.text, input.markdown, input.html].filter((value) => value !== undefined).length === 1, {
    message: "Send exactly one of text, markdown or html.",
    path: ["text"],
  });
export type CreateDocumentInput = z.infer<typeof createDocumentSchema>;

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
});

export const updateDocumentSchema = documentMetadataSchema.partial().extend({ version: z.number().int().min(1) });
export type UpdateDocumentInput = z.infer<typeof updateDocumentSchema>;

export const replaceTextSchema = z.object({
  text: z.string().min(1, "The new text is empty.").max(4_000_000),
  version: z.number().int().min(1),
});

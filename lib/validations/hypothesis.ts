import { z } from "zod";

// A Hypothesis JSON export (the client's "Export annotations" file, or an API search answer):
// its `annotations` (or `rows`) in Hypothesis's own format. Only what the import uses is
// read; other members are ignored. Everything in it is untrusted: lengths and counts capped.

export const MAX_HYPOTHESIS_ANNOTATIONS = 20_000;

const quoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().max(20_000),
  prefix: z.string().max(2_000).optional(),
  suffix: z.string().max(2_000).optional(),
});
const positionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
// RangeSelector (XPaths into the page's DOM) and any other kind: kept by type only, never used
// to place a passage (our text has no DOM).
const otherSelector = z.looseObject({ type: z.string().max(100) });
const selector = z.union([quoteSelector, positionSelector, otherSelector]);

const title = z
  .union([z.string().max(1_000), z.array(z.string().max(1_000)).max(20)])
  .optional()
  .transform((value) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined);

export const hypothesisAnnotationSchema = z.object({
  id: z.string().trim().min(1).max(100),
  uri: z.string().trim().min(1).max(4_000),
  text: z
    .string()
    .max(100_000)
    .nullish()
    .transform((value) => value ?? ""),
  tags: z
    .array(z.string().max(200))
    .max(100)
    .nullish()
    .transform((tags) => [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))]),
  references: z
    .array(z.string().max(100))
    .max(1_000)
    .nullish()
    .transform((value) => value ?? []),
  created: z.iso.datetime({ offset: true }),
  updated: z.iso.datetime({ offset: true }).optional(),
  user: z.string().max(300),
  user_info: z.object({ display_name: z.string().max(300).nullish() }).nullish(),
  target: z
    .array(z.object({ source: z.string().max(4_000).optional(), selector: z.array(selector).max(20).optional() }))
    .max(10)
    .nullish()
    .transform((value) => value ?? []),
  document: z.object({ title }).nullish(),
});
export type HypothesisAnnotation = z.infer<typeof hypothesisAnnotationSchema>;

export const hypothesisExportSchema = z
  .union([
    z.object({ annotations: z.array(z.unknown()).max(MAX_HYPOTHESIS_ANNOTATIONS) }),
    z.object({ rows: z.array(z.unknown()).max(MAX_HYPOTHESIS_ANNOTATIONS) }),
    z.array(z.unknown()).max(MAX_HYPOTHESIS_ANNOTATIONS),
  ])
  .transform((value) => (Array.isArray(value) ? value : "annotations" in value ? value.annotations : value.rows));

import { z } from "zod";
import { provenanceSchema } from "@/lib/exports/provenance";
import { CITATION_STYLES } from "@/lib/citations/citation-styles";
import { REPLY_STANCES } from "./debate";

// Reports (md, html, pdf), data (csv, json, jsonld), argument maps (aif, argdown) and
// references to the documents (bibtex, csl-json, ris).
export const EXPORT_FORMATS = [
  "md",
  "html",
  "pdf",
  "csv",
  "jsonld",
  "json",
  "aif",
  "argdown",
  "bibtex",
  "csl-json",
  "ris",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const format = z.enum(EXPORT_FORMATS, { error: `format is one of ${EXPORT_FORMATS.join(", ")}.` });
// The bibliography's style in reports (md, html, pdf).
const style = z.enum(CITATION_STYLES, { error: `style is one of ${CITATION_STYLES.join(", ")}.` }).default("apa");
export const exportQuerySchema = z.object({ format, style });
// A background export: what to export (a workspace, a document or a collection) and how.
export const exportJobSchema = z.object({
  scope: z.object({
    kind: z.enum(["workspace", "document", "collection"], {
      error: 'scope.kind is "workspace", "document" or "collection".',
    }),
    id: z.string().trim().min(1).max(64),
  }),
  format,
  style,
});

// A JSON export coming back in (lib/exports/report-json.ts writes it).
const person = z.object({ id: z.string().max(64), name: z.string().max(200) });
// `unknown` too: a reply that came from Hypothesis comes back as it went out.
const stance = z.enum(REPLY_STANCES);
// Hidden and pending items keep their status (a moderator's export includes them).
const status = z.enum(["visible", "hidden", "pending"]).default("visible");
type ImportedReply = {
  ref: string;
  author: z.infer<typeof person>;
  stance: z.infer<typeof stance>;
  body: string;
  status: z.infer<typeof status>;
  createdAt: string;
  importedFrom?: z.infer<typeof provenanceSchema> | null;
  replies: ImportedReply[];
};
const replySchema: z.ZodType<ImportedReply> = z.lazy(() =>
  z.object({
    ref: z.string().max(64),
    author: person,
    stance,
    body: z.string().min(1).max(20_000),
    status,
    createdAt: z.iso.datetime({ offset: true }),
    importedFrom: provenanceSchema.nullish(),
    replies: z.array(replySchema).max(10_000),
  }),
);
export const importJsonSchema = z.object({
  format: z.literal("counterpoint-workspace/1", {
    error: "Not a Counterpoint JSON export (format counterpoint-workspace/1).",
  }),
  // The exported workspace's (or document's) title: named as the source of imported items.
  title: z.string().max(500).optional(),
  documents: z
    .array(
      z.object({
        ref: z.string().max(64),
        title: z.string().trim().min(1).max(500),
        authors: z.array(z.string().max(200)).max(50),
        publishedAt: z.iso.datetime({ offset: true }).nullable(),
        // Files exported before dates had a precision carry none: a full date then.
        publishedPrecision: z.enum(["year", "month", "day"]).default("day"),
        sourceUrl: z.url({ protocol: /^https?$/ }).nullable(),
        text: z.string().min(1).max(2_000_000),
        annotations: z
          .array(
            z.object({
              ref: z.string().max(64),
              start: z.number().int().min(0),
              end: z.number().int().min(1),
              quote: z.string().min(1).max(20_000),
              body: z.string().max(20_000),
              tags: z.array(z.string().max(50)).max(20),
              color: z.enum(["yellow", "green", "blue", "pink", "purple"]).nullable(),
              creator: person,
              status,
              createdAt: z.iso.datetime({ offset: true }),
              importedFrom: provenanceSchema.nullish(),
              replies: z.array(replySchema).max(10_000),
            }),
          )
          .max(20_000),
      }),
    )
    .max(200),
  links: z
    .array(
      z.object({
        ref: z.string().max(64),
        from: z.string().max(64),
        to: z.string().max(64),
        relation: z.enum(["agrees", "contradicts", "qualifies", "elaborates"]),
        rationale: z.string().max(5_000),
        creator: person,
        status,
        createdAt: z.iso.datetime({ offset: true }),
        importedFrom: provenanceSchema.nullish(),
        replies: z.array(replySchema).max(10_000),
      }),
    )
    .max(20_000),
});
export type ImportJson = z.infer<typeof importJsonSchema>;

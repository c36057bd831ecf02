import { z } from "zod";

// The formats available today; pdf and json (re-importable) come with collections.
export const EXPORT_FORMATS = ["md", "html", "csv", "jsonld"] as const;
export const exportQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS, { error: `format is one of ${EXPORT_FORMATS.join(", ")}.` }) });

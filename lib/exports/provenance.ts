import { z } from "zod";

// Where an imported item came from, kept as a quotation: the original author's name and
// date as the file stated them, and which file. Never a live identity: the importer is
// the item's author and its createdAt is the time of import (lib/exports/import-json.ts).
export const provenanceSchema = z.object({
  author: z.string().max(200),
  createdAt: z.iso.datetime({ offset: true }),
  source: z.string().max(500),
});
export type Provenance = z.infer<typeof provenanceSchema>;

// Reads the stored JSON column; anything malformed counts as none.
export function readProvenance(value: unknown): Provenance | null {
  const parsed = provenanceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// "Originally by Ada Lovelace, 2019"
export function describeProvenance(provenance: Provenance) {
  return `Originally by ${provenance.author}, ${new Date(provenance.createdAt).getUTCFullYear()}`;
}

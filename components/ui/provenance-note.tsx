import { describeProvenance, type Provenance } from "@/lib/exports/provenance";

// "Originally by X, 2019" on an imported item: a quotation of what the file said, not an author.
export function ProvenanceNote({ provenance }: { provenance: Provenance | null | undefined }) {
  if (!provenance) return null;
  return (
    <span data-testid="provenance" className="italic" title={`Imported from ${provenance.source}`}>
      {describeProvenance(provenance)}
    </span>
  );
}

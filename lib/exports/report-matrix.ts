import { deriveClaimMatrix, type MatrixCell, type PassageStance } from "@/lib/claims/derive-stances";
import { PLACED_STANCES } from "@/lib/validations/debate";
import type { Report } from "./collect-report";

export type ReportMatrix = {
  claims: { id: string; title: string }[];
  documents: { id: string; title: string }[];
  // rows[claim][document]: the derived cell, or null where the document says nothing.
  rows: (MatrixCell | null)[][];
};

const STATED: ReadonlySet<string> = new Set<PassageStance>(PLACED_STANCES);

// The documents × claims matrix of the claims page, derived (by the same function) from
// the passages and links this report holds.
export function reportMatrix(report: Report): ReportMatrix | null {
  if (!report.claims.length) return null;
  const documentOf = new Map(
    report.documents.flatMap((document) => document.annotations.map((annotation) => [annotation.id, document.id])),
  );
  const cells = deriveClaimMatrix(
    report.claims.flatMap((claim) =>
      claim.passages
        .filter((passage) => STATED.has(passage.stance) && documentOf.has(passage.annotationId))
        .map((passage) => ({
          claimId: claim.id,
          annotationId: passage.annotationId,
          documentId: documentOf.get(passage.annotationId)!,
          stance: passage.stance as PassageStance,
        })),
    ),
    report.links.map((link) => ({
      fromAnnotationId: link.fromAnnotationId,
      fromDocumentId: documentOf.get(link.fromAnnotationId)!,
      toAnnotationId: link.toAnnotationId,
      toDocumentId: documentOf.get(link.toAnnotationId)!,
      relation: link.relation,
    })),
  );
  const cellAt = new Map(cells.map((cell) => [`${cell.claimId} ${cell.documentId}`, cell]));
  const stanceTaking = new Set(cells.map((cell) => cell.documentId));
  const documents = report.documents
    .filter((document) => stanceTaking.has(document.id))
    .map(({ id, title }) => ({ id, title }));
  const claims = report.claims.map(({ id, title }) => ({ id, title }));
  return {
    claims,
    documents,
    rows: claims.map((claim) => documents.map((document) => cellAt.get(`${claim.id} ${document.id}`) ?? null)),
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

// A cell in words: "supports (2 passages)", "mixed (1 supports, 1 opposes)", or "—".
export function matrixCellLabel(cell: MatrixCell | null): string {
  if (!cell) return "—";
  if (cell.stance !== "mixed") return `${cell.stance} (${plural(cell.passageIds.length, "passage")})`;
  const parts = PLACED_STANCES.filter((stance) => cell[stance]).map((stance) => `${cell[stance]} ${stance}`);
  return `mixed (${parts.join(", ")})`;
}

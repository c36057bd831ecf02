import type { ReactNode } from "react";
import type { CellStance } from "@/lib/claims/derive-stances";
import { shortQuote } from "@/lib/text/short-quote";

// A cell lists its first passages (quotes cut short); the rest are in the document. The cells'
// styles are the .claim-matrix rules of globals.css, so a full page of 240 cells stays small.
const PASSAGES_PER_CELL = 3;
const QUOTE_LENGTH = 100;

type Matrix = {
  claims: { id: string; title: string }[];
  documents: { id: string; title: string; authors: string[] }[];
  stanceTakingDocuments: number;
  otherDocuments: number;
  cells: {
    claimId: string;
    documentId: string;
    stance: CellStance;
    supports: number;
    opposes: number;
    qualifies: number;
    passageIds: string[];
    passages: { annotationId: string; quote: string; stance: string; isLinked: boolean }[];
  }[];
};

const CELL: Record<CellStance, { label: string; mark: string; style: string }> = {
  supports: {
    label: "Supports",
    mark: "+",
    style: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200",
  },
  opposes: { label: "Opposes", mark: "−", style: "bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-200" },
  mixed: { label: "Mixed", mark: "±", style: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200" },
};

// Documents × claims: where each document stands, derived from its passages and their links.
// Only documents that take a stance are columns (a page of them; `children` is the pager).
export function ClaimMatrix({ matrix, children }: { matrix: Matrix; children?: ReactNode }) {
  if (!matrix.claims.length) return null;
  const cells = new Map(matrix.cells.map((cell) => [`${cell.claimId} ${cell.documentId}`, cell]));
  const cellOf = (claimId: string, documentId: string) => cells.get(`${claimId} ${documentId}`);
  return (
    <section aria-labelledby="matrix-heading" className="overflow-x-auto">
      <h2 id="matrix-heading" className="mb-3 text-lg font-semibold">
        Claim matrix
      </h2>
      {matrix.documents.length ? null : (
        <p className="rounded-xl border border-dashed border-stone-300 px-5 py-6 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
          No document takes a stance yet. Place passages under a claim below, or link passages to those that are.
        </p>
      )}
      <table
        className={`claim-matrix w-full border-collapse text-sm ${matrix.documents.length ? "" : "hidden"}`}
        data-testid="claim-matrix"
      >
        <thead>
          <tr>
            <th
              scope="col"
              className="w-64 border-b border-stone-300 p-2 text-left font-medium text-stone-500 dark:border-stone-700"
            >
              Claim
            </th>
            {matrix.documents.map((document) => (
              <th
                key={document.id}
                scope="col"
                className="border-b border-stone-300 p-2 text-left align-bottom font-medium dark:border-stone-700"
              >
                <span className="line-clamp-2 font-serif">{document.title}</span>
                <span className="block text-xs font-normal text-stone-500">{document.authors.join(", ")}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.claims.map((claim) => (
            <tr key={claim.id}>
              <th scope="row" className="border-b border-stone-200 p-2 text-left font-medium dark:border-stone-800">
                {claim.title}
              </th>
              {matrix.documents.map((document) => {
                const cell = cellOf(claim.id, document.id);
                return (
                  <td key={document.id} data-document={document.id} data-stance={cell?.stance ?? "none"}>
                    {cell ? (
                      <details>
                        <summary
                          className={CELL[cell.stance].style}
                          title={`${cell.supports} supporting, ${cell.opposes} opposing, ${cell.qualifies} qualifying passage(s)`}
                        >
                          <span>
                            <span aria-hidden>{CELL[cell.stance].mark} </span>
                            {CELL[cell.stance].label}
                          </span>
                          <span className="sr-only">
                            : {document.title} on “{claim.title}”,{" "}
                          </span>
                          <small>
                            {cell.passages.length === 1 ? "1 passage" : `${cell.passages.length} passages`}
                            <i aria-hidden>›</i>
                          </small>
                        </summary>
                        <ul aria-label="Passages behind this stance">
                          {cell.passages.slice(0, PASSAGES_PER_CELL).map((passage) => (
                            <li key={passage.annotationId}>
                              <a href={`/documents/${document.id}#annotation-${passage.annotationId}`}>
                                <q>{shortQuote(passage.quote, QUOTE_LENGTH)}</q>
                                <small>
                                  {passage.stance}
                                  {passage.isLinked ? " · through a link" : ""}
                                </small>
                              </a>
                            </li>
                          ))}
                          {cell.passages.length > PASSAGES_PER_CELL ? (
                            <li>
                              <a href={`/documents/${document.id}`} className="underline">
                                {cell.passages.length - PASSAGES_PER_CELL} more in the document
                              </a>
                            </li>
                          ) : null}
                        </ul>
                      </details>
                    ) : (
                      "—"
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3">{children}</div>
      <p className="mt-2 text-xs text-stone-500">
        {matrix.otherDocuments
          ? `${matrix.otherDocuments.toLocaleString("en")} other ${matrix.otherDocuments === 1 ? "document takes" : "documents take"} no stance on these claims and ${matrix.otherDocuments === 1 ? "is" : "are"} not shown. `
          : ""}
        A passage placed under a claim counts with its stance; a passage linked to it counts too (agrees or elaborates:
        the same stance; contradicts: the opposite). A document whose passages disagree is mixed.
      </p>
    </section>
  );
}

import { apiFetch } from "./api-fetch";

// Annotates a passage of a document by its code-point offsets (the server records the quote):
// how the compare view and the link composer mark a passage they are about to link.
export const annotatePassage = (documentId: string, range: { start: number; end: number }) =>
  apiFetch<{ id: string }>(`/api/v1/documents/${documentId}/annotations`, {
    body: { selectors: [{ type: "TextPositionSelector", start: range.start, end: range.end }] },
  });

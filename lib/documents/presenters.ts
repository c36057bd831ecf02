import { codePointLength } from "@/lib/anchoring/selectors";
import type { DatePrecision } from "./published-date";

type DocumentRow = {
  id: string;
  workspaceId: string;
  title: string;
  authors: string[];
  sourceUrl: string | null;
  publishedAt: Date | null;
  publishedPrecision: DatePrecision;
  sourceFormat: string;
  version: number;
  metadataVersion: number;
  text: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy?: { id: string; name: string };
};

export function presentDocument(document: DocumentRow, options: { includeText: boolean }) {
  return {
    ...presentDocumentDetails(document, codePointLength(document.text)),
    ...(options.includeText ? { text: document.text } : {}),
  };
}

// A document without its text (pages that keep its length with their caches).
export function presentDocumentDetails(document: Omit<DocumentRow, "text">, length: number) {
  return {
    id: document.id,
    workspaceId: document.workspaceId,
    title: document.title,
    authors: document.authors,
    sourceUrl: document.sourceUrl,
    publishedAt: document.publishedAt?.toISOString() ?? null,
    // How much of publishedAt is known: "2023" is stored as 2023-01-01 with "year".
    publishedPrecision: document.publishedAt ? document.publishedPrecision : null,
    sourceFormat: document.sourceFormat,
    // The text's version (PUT …/text); metadataVersion guards PATCHes of the details.
    version: document.version,
    metadataVersion: document.metadataVersion,
    // Length in code points: the unit of TextPositionSelector offsets.
    length,
    createdBy: document.createdBy ?? null,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}
export type PresentedDocument = ReturnType<typeof presentDocument>;

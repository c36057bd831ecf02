import { codePointLength } from "@/lib/anchoring/selectors";

type DocumentRow = {
  id: string;
  workspaceId: string;
  title: string;
  authors: string[];
  sourceUrl: string | null;
  publishedAt: Date | null;
  sourceFormat: string;
  version: number;
  text: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy?: { id: string; name: string };
};

export function presentDocument(document: DocumentRow, options: { includeText: boolean }) {
  return {
    id: document.id,
    workspaceId: document.workspaceId,
    title: document.title,
    authors: document.authors,
    sourceUrl: document.sourceUrl,
    publishedAt: document.publishedAt?.toISOString() ?? null,
    sourceFormat: document.sourceFormat,
    version: document.version,
    // Length in code points: the unit of TextPositionSelector offsets.
    length: codePointLength(document.text),
    createdBy: document.createdBy ?? null,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    ...(options.includeText ? { text: document.text } : {}),
  };
}
export type PresentedDocument = ReturnType<typeof presentDocument>;

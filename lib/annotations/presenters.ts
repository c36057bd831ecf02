import type { Place } from "@/lib/documents/structure/place";
import { readProvenance } from "@/lib/exports/provenance";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { visibleItemWhere } from "@/lib/policies/item-visibility";

type AnnotationRow = {
  id: string;
  workspaceId: string;
  documentId: string;
  motivation: string;
  selectors: unknown;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  anchorStatus: "anchored" | "moved" | "orphaned";
  anchoredVersion: number;
  body: string;
  bodyHtml: string | null;
  tags: string[];
  color: string | null;
  status: string;
  lockedAt?: Date | null;
  pinnedAt?: Date | null;
  featuredAt?: Date | null;
  resolvedAt?: Date | null;
  resolutionSummary?: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  creator: { id: string; name: string };
  importedFrom: unknown;
  _count?: { replies: number };
};

// The API shape of an annotation: W3C-style selectors and motivation, the
// denormalized anchor with its place (page, heading path: lib/documents/structure/place.ts),
// and the Markdown body both raw and rendered (sanitized).
export function presentAnnotation(annotation: AnnotationRow, place: Place) {
  return {
    id: annotation.id,
    workspaceId: annotation.workspaceId,
    documentId: annotation.documentId,
    motivation: annotation.motivation,
    selectors: annotation.selectors,
    start: annotation.start,
    end: annotation.end,
    quote: annotation.quote,
    prefix: annotation.prefix,
    suffix: annotation.suffix,
    page: place.page,
    section: place.section,
    anchorStatus: annotation.anchorStatus,
    anchoredVersion: annotation.anchoredVersion,
    body: annotation.body,
    bodyHtml: annotation.bodyHtml ?? renderMarkdown(annotation.body),
    tags: annotation.tags,
    color: annotation.color,
    status: annotation.status,
    isLocked: Boolean(annotation.lockedAt),
    isPinned: Boolean(annotation.pinnedAt),
    isFeatured: Boolean(annotation.featuredAt),
    resolution: annotation.resolvedAt
      ? {
          summary: annotation.resolutionSummary ?? "",
          // Few threads are resolved, and a summary is short: rendered when read.
          summaryHtml: renderMarkdown(annotation.resolutionSummary ?? ""),
          resolvedAt: annotation.resolvedAt.toISOString(),
        }
      : null,
    creator: annotation.creator,
    importedFrom: readProvenance(annotation.importedFrom),
    replyCount: annotation._count?.replies ?? 0,
    version: annotation.version,
    createdAt: annotation.createdAt.toISOString(),
    updatedAt: annotation.updatedAt.toISOString(),
  };
}
export type PresentedAnnotation = ReturnType<typeof presentAnnotation>;

export const CREATOR_SELECT = { select: { id: true, name: true } };

// What an annotation is presented with; its reply count is the thread as this viewer sees it.
export const annotationInclude = (viewerId: string | undefined, canModerate: boolean) => ({
  creator: CREATOR_SELECT,
  _count: {
    select: { replies: { where: { deletedAt: null, ...visibleItemWhere("authorId", viewerId, canModerate) } } },
  },
});

// An annotation as the reader lists it: with the stances its thread has taken.
export type ReaderAnnotation = PresentedAnnotation & { replyStances: string[] };

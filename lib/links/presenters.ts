import { readProvenance } from "@/lib/exports/provenance";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { visibleItemWhere } from "@/lib/policies/item-visibility";
import type { LinkRelation } from "@/lib/validations/debate";

type PassageRow = {
  id: string;
  documentId: string;
  quote: string;
  start: number;
  end: number;
  anchorStatus: string;
  document: { title: string };
};
type LinkRow = {
  id: string;
  workspaceId: string;
  relation: LinkRelation;
  rationale: string;
  rationaleHtml: string | null;
  status: string;
  needsReview: boolean;
  lockedAt: Date | null;
  score: number;
  version: number;
  createdAt: Date;
  creator: { id: string; name: string };
  importedFrom: unknown;
  from: PassageRow;
  to: PassageRow;
  _count: { replies: number };
};

const presentPassage = (passage: PassageRow) => ({
  annotationId: passage.id,
  documentId: passage.documentId,
  documentTitle: passage.document.title,
  quote: passage.quote,
  start: passage.start,
  end: passage.end,
  anchorStatus: passage.anchorStatus,
});

export function presentLink(link: LinkRow) {
  return {
    id: link.id,
    workspaceId: link.workspaceId,
    relation: link.relation,
    rationale: link.rationale,
    // Rendered when written; rows from before are rendered now.
    rationaleHtml: link.rationaleHtml ?? renderMarkdown(link.rationale),
    status: link.status,
    needsReview: link.needsReview,
    isLocked: link.lockedAt !== null,
    score: link.score,
    replyCount: link._count.replies,
    creator: link.creator,
    importedFrom: readProvenance(link.importedFrom),
    from: presentPassage(link.from),
    to: presentPassage(link.to),
    version: link.version,
    createdAt: link.createdAt.toISOString(),
  };
}
export type PresentedLink = ReturnType<typeof presentLink>;

const PASSAGE_SELECT = {
  select: {
    id: true,
    documentId: true,
    quote: true,
    start: true,
    end: true,
    anchorStatus: true,
    document: { select: { title: true } },
  },
};
// What a link is presented with; its reply count is the thread as this viewer sees it.
export const linkInclude = (viewerId: string | undefined, canModerate: boolean) => ({
  creator: { select: { id: true, name: true } },
  from: PASSAGE_SELECT,
  to: PASSAGE_SELECT,
  _count: {
    select: { replies: { where: { deletedAt: null, ...visibleItemWhere("authorId", viewerId, canModerate) } } },
  },
});

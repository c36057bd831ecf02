// Shapes of the debate API as the browser receives them.
import type { Provenance } from "@/lib/exports/provenance";
import type { Tally } from "./vote-buttons";
import type { Relation, Stance } from "./vocabulary";

export type ReplyNode = {
  id: string;
  parentId: string | null;
  author: { id: string; name: string };
  importedFrom?: Provenance | null;
  stance: Stance;
  body: string;
  bodyHtml: string;
  status: string;
  isPinned: boolean;
  votes: Tally;
  editCount: number;
  version: number;
  createdAt: string;
  replies: ReplyNode[];
};

export type Thread = {
  locked: boolean;
  count: number;
  replies: ReplyNode[];
  annotation?: { resolution: { summary: string; summaryHtml: string; resolvedAt: string } | null };
};

export type Passage = {
  annotationId: string;
  documentId: string;
  documentTitle: string;
  quote: string;
  start: number;
  end: number;
  anchorStatus: string;
};

export type PassageLink = {
  id: string;
  relation: Relation;
  rationale: string;
  rationaleHtml: string;
  status: string;
  needsReview: boolean;
  isLocked: boolean;
  score: number;
  replyCount: number;
  creator: { id: string; name: string };
  importedFrom?: Provenance | null;
  from: Passage;
  to: Passage;
  createdAt: string;
};

export type ThreadSubject = { kind: "annotation" | "link"; id: string };

export type DebateAbilities = {
  userId: string | null;
  canReply: boolean;
  canLink: boolean;
  // Every reader who is signed in may flag (viewers too); moderating stays with moderators.
  canFlag: boolean;
  canModerate: boolean;
};

import { readProvenance } from "@/lib/exports/provenance";
import { renderMarkdown } from "@/lib/markdown/render-markdown";

export type ReplyRow = {
  id: string;
  parentId: string | null;
  body: string;
  bodyHtml: string | null;
  stance: string;
  status: string;
  pinnedAt: Date | null;
  score: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string };
  importedFrom: unknown;
  _count: { edits: number };
};

export type VoteTally = { up: number; down: number; mine: number };

export function presentReply(reply: ReplyRow, votes: VoteTally = { up: 0, down: 0, mine: 0 }) {
  return {
    id: reply.id,
    parentId: reply.parentId,
    author: reply.author,
    importedFrom: readProvenance(reply.importedFrom),
    stance: reply.stance,
    body: reply.body,
    bodyHtml: reply.bodyHtml ?? renderMarkdown(reply.body),
    status: reply.status,
    isPinned: reply.pinnedAt !== null,
    votes: { score: votes.up - votes.down, up: votes.up, down: votes.down, mine: votes.mine },
    editCount: reply._count.edits,
    version: reply.version,
    createdAt: reply.createdAt.toISOString(),
    updatedAt: reply.updatedAt.toISOString(),
  };
}
export type PresentedReply = ReturnType<typeof presentReply>;
export type ReplyNode = PresentedReply & { replies: ReplyNode[] };

export const REPLY_INCLUDE = {
  author: { select: { id: true, name: true } },
  _count: { select: { edits: true } },
} as const;

// Replies as a tree in the order they were stored; pinned ones first among their siblings.
export function buildReplyTree(replies: PresentedReply[]): ReplyNode[] {
  const nodes = new Map(replies.map((reply) => [reply.id, { ...reply, replies: [] as ReplyNode[] }]));
  const roots: ReplyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  const pinnedFirst = (list: ReplyNode[]) => {
    list.sort((a, b) => Number(b.isPinned) - Number(a.isPinned));
    for (const node of list) pinnedFirst(node.replies);
  };
  pinnedFirst(roots);
  return roots;
}

import "server-only";
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import type { TargetType } from "@/lib/validations/moderation";

export type QueueItem = {
  targetType: TargetType;
  targetId: string;
  status: string;
  version: number;
  isLocked: boolean;
  isPinned: boolean;
  author: { id: string; name: string };
  // The item as a moderator needs to judge it: its words and where it sits.
  body: string;
  // The words as their writer formatted them (sanitized HTML), after what kind of item it is.
  lead: string | null;
  bodyHtml: string;
  quote: string;
  documentId: string;
  documentTitle: string;
  annotationId: string | null;
  flags: { reason: string; reporter: string; createdAt: string }[];
  createdAt: string;
};

// Open flags (grouped by item, most flagged first) and items waiting for approval.
export async function listModerationQueue(actor: Actor, workspaceId: string): Promise<QueueItem[]> {
  await authorizeWorkspace(actor, workspaceId, "moderate");
  const flags = await db.flag.findMany({
    where: { workspaceId, status: "open" },
    include: { reporter: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const idsOf = (type: TargetType) => flags.filter((flag) => flag.targetType === type).map((flag) => flag.targetId);
  const author = { select: { id: true, name: true } };
  const passage = { select: { id: true, quote: true, documentId: true, document: { select: { title: true } } } };
  const [annotations, replies, links] = await Promise.all([
    db.annotation.findMany({
      where: { workspaceId, deletedAt: null, OR: [{ id: { in: idsOf("annotation") } }, { status: "pending" }] },
      include: { creator: author, document: { select: { title: true } } },
    }),
    db.reply.findMany({
      where: { workspaceId, deletedAt: null, OR: [{ id: { in: idsOf("reply") } }, { status: "pending" }] },
      include: { author, annotation: passage, link: { select: { from: passage } } },
    }),
    db.passageLink.findMany({
      where: { workspaceId, deletedAt: null, OR: [{ id: { in: idsOf("link") } }, { status: "pending" }] },
      include: { creator: author, from: passage, to: passage },
    }),
  ]);
  const flagsOf = (type: TargetType, id: string) =>
    flags
      .filter((flag) => flag.targetType === type && flag.targetId === id)
      .map((flag) => ({ reason: flag.reason, reporter: flag.reporter.name, createdAt: flag.createdAt.toISOString() }));
  const items: QueueItem[] = [
    ...annotations.map((row) => ({
      targetType: "annotation" as const,
      targetId: row.id,
      status: row.status,
      version: row.version,
      isLocked: row.lockedAt !== null,
      isPinned: row.pinnedAt !== null,
      author: row.creator,
      body: row.body,
      lead: null,
      bodyHtml: row.bodyHtml ?? renderMarkdown(row.body),
      quote: row.quote,
      documentId: row.documentId,
      documentTitle: row.document.title,
      annotationId: row.id,
      flags: flagsOf("annotation", row.id),
      createdAt: row.createdAt.toISOString(),
    })),
    ...replies.map((row) => {
      const on = row.annotation ?? row.link!.from;
      return {
        targetType: "reply" as const,
        targetId: row.id,
        status: row.status,
        version: row.version,
        isLocked: false,
        isPinned: row.pinnedAt !== null,
        author: row.author,
        body: `(${row.stance}) ${row.body}`,
        lead: row.stance,
        bodyHtml: row.bodyHtml ?? renderMarkdown(row.body),
        quote: on.quote,
        documentId: on.documentId,
        documentTitle: on.document.title,
        annotationId: on.id,
        flags: flagsOf("reply", row.id),
        createdAt: row.createdAt.toISOString(),
      };
    }),
    ...links.map((row) => ({
      targetType: "link" as const,
      targetId: row.id,
      status: row.status,
      version: row.version,
      isLocked: row.lockedAt !== null,
      isPinned: row.pinnedAt !== null,
      author: row.creator,
      body: `${row.relation}: ${row.rationale}`,
      lead: row.relation,
      bodyHtml: row.rationaleHtml ?? renderMarkdown(row.rationale),
      quote: `${row.from.quote} ⇄ ${row.to.quote}`,
      documentId: row.from.documentId,
      documentTitle: `${row.from.document.title} ⇄ ${row.to.document.title}`,
      annotationId: row.from.id,
      flags: flagsOf("link", row.id),
      createdAt: row.createdAt.toISOString(),
    })),
  ];
  return items.sort((a, b) => b.flags.length - a.flags.length || a.createdAt.localeCompare(b.createdAt));
}

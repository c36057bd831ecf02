import "server-only";
import { db } from "@/lib/db";
import { markdownPlainText } from "@/lib/markdown/markdown-plain-text";
import { describeTarget } from "./audit-excerpt";

type Row = { targetType: string; targetId: string; details: unknown };

// Names what each audit row touched (a document's title, an annotation's quote, a reply's
// first words, a link's two quotes, a member's name): one query per kind, deleted items included.
export async function describeAuditTargets(rows: Row[]): Promise<Array<string | null>> {
  const ids = (type: string) => [...new Set(rows.filter((row) => row.targetType === type).map((row) => row.targetId))];
  const [documents, annotations, replies, links, users] = await Promise.all([
    db.document.findMany({ where: { id: { in: ids("document") } }, select: { id: true, title: true } }),
    db.annotation.findMany({ where: { id: { in: ids("annotation") } }, select: { id: true, quote: true } }),
    db.reply.findMany({ where: { id: { in: ids("reply") } }, select: { id: true, body: true } }),
    db.passageLink.findMany({
      where: { id: { in: ids("link") } },
      select: { id: true, from: { select: { quote: true } }, to: { select: { quote: true } } },
    }),
    db.user.findMany({ where: { id: { in: ids("member") } }, select: { id: true, name: true } }),
  ]);
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
  const [documentById, annotationById, replyById, linkById, userById] = [
    byId(documents),
    byId(annotations),
    byId(replies),
    byId(links),
    byId(users),
  ];
  return rows.map(({ targetType, targetId, details }) => {
    const recorded = (details ?? {}) as { title?: string; email?: string };
    const reply = replyById.get(targetId);
    const link = linkById.get(targetId);
    return describeTarget(targetType, {
      title: documentById.get(targetId)?.title ?? recorded.title,
      quote: annotationById.get(targetId)?.quote,
      body: reply && markdownPlainText(reply.body),
      fromQuote: link?.from.quote,
      toQuote: link?.to.quote,
      // An invitation (member-add by email before sign-up) is named by its email.
      name: userById.get(targetId)?.name ?? recorded.email,
    });
  });
}

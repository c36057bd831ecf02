import type { Report, ReportReply } from "./collect-report";
import { csvTable } from "./csv";

const HEADER = ["created", "author", "document", "quote", "comment", "tags", "stance", "thread id", "parent id", "link relation", "id", "status"];

// One row per annotation or reply (Hypothesis client issue #6112 is what to avoid: rows
// that cannot be put back into threads). Thread id and parent id rebuild every thread.
export function reportCsv(report: Report): string {
  const rows: string[][] = [];
  const quoteOf = new Map(report.documents.flatMap((document) => document.annotations.map((annotation) => [annotation.id, annotation.quote] as const)));
  const replyRows = (replies: ReportReply[], threadId: string, document: string, quote: string, relation: string) => {
    for (const reply of replies) {
      rows.push([reply.createdAt, reply.author, document, quote, reply.body, "", reply.stance, threadId, reply.parentId ?? threadId, relation, reply.id, reply.status]);
      replyRows(reply.replies, threadId, document, quote, relation);
    }
  };
  for (const document of report.documents) {
    for (const annotation of document.annotations) {
      rows.push([annotation.createdAt, annotation.creator.name, document.title, annotation.quote, annotation.body, annotation.tags.join("; "), "", annotation.id, "", "", annotation.id, annotation.status]);
      replyRows(annotation.replies, annotation.id, document.title, annotation.quote, "");
    }
  }
  for (const link of report.links) {
    const quote = `${quoteOf.get(link.fromAnnotationId)} ⇄ ${quoteOf.get(link.toAnnotationId)}`;
    rows.push([link.createdAt, link.creator, "", quote, link.rationale, "", "", link.id, "", link.relation, link.id, link.status]);
    replyRows(link.replies, link.id, "", quote, link.relation);
  }
  return csvTable(HEADER, rows);
}

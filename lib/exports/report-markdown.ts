import type { Report, ReportReply } from "./collect-report";

const date = (iso: string) => iso.slice(0, 10);
// Markdown special characters in people's text stay text.
const escape = (text: string) => text.replace(/([\\`*_{}[\]<>#|])/g, "\\$1");
const quoteBlock = (text: string) => text.split("\n").map((line) => `> ${escape(line)}`).join("\n");
const marked = (status: string) => (status === "visible" ? "" : ` **[${status}]**`);

function replyLines(replies: ReportReply[], depth: number): string[] {
  return replies.flatMap((reply) => [
    `${"  ".repeat(depth)}- **${reply.stance}** — ${escape(reply.author)}, ${date(reply.createdAt)}${marked(reply.status)}: ${escape(reply.body).replace(/\n+/g, " ")}`,
    ...replyLines(reply.replies, depth + 1),
  ]);
}

const countReplies = (replies: ReportReply[]): number => replies.reduce((sum, reply) => sum + 1 + countReplies(reply.replies), 0);
const replyAuthors = (replies: ReportReply[]): string[] => replies.flatMap((reply) => [reply.author, ...replyAuthors(reply.replies)]);

// A report a colleague can read: title, summary counts, contents, then each document's
// passages with citation, comments and threads, then the links between passages.
export function reportMarkdown(report: Report): string {
  const annotations = report.documents.flatMap((document) => document.annotations);
  const quoteOf = new Map(annotations.map((annotation) => [annotation.id, annotation]));
  const titleOf = new Map(report.documents.map((document) => [document.id, document.title]));
  const replies = annotations.reduce((sum, annotation) => sum + countReplies(annotation.replies), 0) + report.links.reduce((sum, link) => sum + countReplies(link.replies), 0);
  const byRelation = Object.entries(report.links.reduce<Record<string, number>>((counts, link) => ({ ...counts, [link.relation]: (counts[link.relation] ?? 0) + 1 }), {}));
  const participants = new Set([
    ...annotations.flatMap((annotation) => [annotation.creator.name, ...replyAuthors(annotation.replies)]),
    ...report.links.flatMap((link) => [link.creator, ...replyAuthors(link.replies)]),
  ]);
  const lines = [
    `# ${escape(report.title)}`,
    "",
    `Exported from Counterpoint on ${date(report.generatedAt)}.${report.includesHidden ? " Includes items hidden by moderators, marked [hidden]." : ""}`,
    "",
    "## Summary",
    "",
    `- Documents: ${report.documents.length}`,
    `- Passages: ${annotations.length}`,
    `- Replies: ${replies}`,
    `- Links: ${report.links.length}${byRelation.length ? ` (${byRelation.map(([relation, count]) => `${relation} ${count}`).join(", ")})` : ""}`,
    `- Participants: ${participants.size}`,
    "",
    "## Contents",
    "",
    ...report.documents.map((document, index) => `${index + 1}. ${escape(document.title)}`),
    ...(report.links.length ? [`${report.documents.length + 1}. Links between passages`] : []),
    "",
  ];
  for (const document of report.documents) {
    lines.push(`## ${escape(document.title)}`, "", `*${escape(document.authors.join(", ") || "Unknown author")}${document.publishedAt ? `, ${date(document.publishedAt)}` : ""}${document.sourceUrl ? `, <${document.sourceUrl}>` : ""}*`, "");
    if (!document.annotations.length) lines.push("No passages annotated.", "");
    for (const annotation of document.annotations) {
      lines.push(quoteBlock(annotation.quote), "", `— ${escape(annotation.creator.name)}, ${date(annotation.createdAt)}${marked(annotation.status)}${annotation.tags.length ? ` · tags: ${annotation.tags.map(escape).join(", ")}` : ""}`, "");
      if (annotation.body.trim()) lines.push(escape(annotation.body), "");
      if (annotation.replies.length) lines.push(...replyLines(annotation.replies, 0), "");
    }
  }
  if (report.links.length) {
    lines.push("## Links between passages", "");
    for (const link of report.links) {
      const from = quoteOf.get(link.fromAnnotationId)!;
      const to = quoteOf.get(link.toAnnotationId)!;
      lines.push(`### “${escape(from.quote.slice(0, 80))}” ${link.relation} “${escape(to.quote.slice(0, 80))}”${marked(link.status)}`, "", `From *${escape(titleOf.get(from.documentId)!)}* to *${escape(titleOf.get(to.documentId)!)}*, linked by ${escape(link.creator)} on ${date(link.createdAt)}.`, "");
      if (link.rationale) lines.push(escape(link.rationale), "");
      if (link.replies.length) lines.push(...replyLines(link.replies, 0), "");
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

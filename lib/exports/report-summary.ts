import { htmlPlainText } from "@/lib/markdown/markdown-plain-text";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { formatPublished } from "@/lib/documents/published-date";
import type { Report, ReportAnnotation, ReportDocument, ReportLink, ReportReply } from "./collect-report";

// A comment as reports print it: its Markdown rendered (when it was written) and read as
// text, so formatting marks vanish and nothing but words and safe link addresses remain.
export const plainBody = (item: { body: string; bodyHtml: string | null }) =>
  htmlPlainText(item.bodyHtml ?? renderMarkdown(item.body));

export const reportDate = (iso: string) => iso.slice(0, 10);

// A document's publication date in a citation, as precisely as it is known: "2023", "September 2023".
export const publishedDate = (document: Pick<ReportDocument, "publishedAt" | "publishedPrecision">) =>
  document.publishedAt ? formatPublished(document.publishedAt, document.publishedPrecision) : null;

// A moderator's summary of a resolved thread, as every report prints it above the thread.
export const resolutionLine = (annotation: ReportAnnotation) =>
  annotation.resolution
    ? `Resolved by moderators on ${reportDate(annotation.resolution.resolvedAt)}${annotation.resolution.summary ? `: ${annotation.resolution.summary}` : "."}`
    : null;

export const countReplies = (replies: ReportReply[]): number =>
  replies.reduce((sum, reply) => sum + 1 + countReplies(reply.replies), 0);
const replyAuthors = (replies: ReportReply[]): string[] =>
  replies.flatMap((reply) => [reply.author, ...replyAuthors(reply.replies)]);

export type ReportSummary = {
  documents: number;
  passages: number;
  replies: number;
  links: number;
  linksByRelation: [string, number][];
  participants: number;
};

// The counts every report format opens with.
export function summarizeReport(report: Report): ReportSummary {
  const annotations = report.documents.flatMap((document) => document.annotations);
  const linksByRelation = new Map<string, number>();
  for (const link of report.links) linksByRelation.set(link.relation, (linksByRelation.get(link.relation) ?? 0) + 1);
  const participants = new Set([
    ...annotations.flatMap((annotation) => [annotation.creator.name, ...replyAuthors(annotation.replies)]),
    ...report.links.flatMap((link) => [link.creator, ...replyAuthors(link.replies)]),
  ]);
  return {
    documents: report.documents.filter((document) => !report.collection || document.annotations.length).length,
    passages: annotations.length,
    replies:
      annotations.reduce((sum, annotation) => sum + countReplies(annotation.replies), 0) +
      report.links.reduce((sum, link) => sum + countReplies(link.replies), 0),
    links: report.links.length,
    linksByRelation: Array.from(linksByRelation),
    participants: participants.size,
  };
}

export const summaryLines = (summary: ReportSummary) => [
  `Documents: ${summary.documents}`,
  `Passages: ${summary.passages}`,
  `Replies: ${summary.replies}`,
  `Links: ${summary.links}${summary.linksByRelation.length ? ` (${summary.linksByRelation.map(([relation, count]) => `${relation} ${count}`).join(", ")})` : ""}`,
  `Participants: ${summary.participants}`,
];

// What a report walks through, in order: a collection's curated items, or every
// document's passages followed by the links between them.
export type ReportSection =
  | { kind: "document"; title: string; document: Report["documents"][number] }
  | { kind: "links"; title: string; links: ReportLink[] }
  | { kind: "claims"; title: string; claims: Report["claims"] }
  | { kind: "item"; title: string; note: string; annotation?: ReportAnnotation; link?: ReportLink };

export type ReportIndex = {
  annotation: (id: string) => ReportAnnotation;
  documentOf: (annotation: ReportAnnotation) => Report["documents"][number];
};

export function indexReport(report: Report): ReportIndex {
  const annotations = new Map(
    report.documents.flatMap((document) =>
      document.annotations.map((annotation) => [annotation.id, annotation] as const),
    ),
  );
  const documents = new Map(report.documents.map((document) => [document.id, document]));
  return {
    annotation: (id) => annotations.get(id)!,
    documentOf: (annotation) => documents.get(annotation.documentId)!,
  };
}

export const shortQuote = (quote: string, length = 80) =>
  quote.length > length ? `${quote.slice(0, length - 1).trimEnd()}…` : quote;

export function reportSections(report: Report): ReportSection[] {
  if (report.collection) {
    const index = indexReport(report);
    const links = new Map(report.links.map((link) => [link.id, link]));
    return report.collection.items.flatMap((item, position): ReportSection[] => {
      if (item.type === "annotation") {
        const annotation = index.annotation(item.id);
        return annotation
          ? [
              {
                kind: "item",
                title: `${position + 1}. ${shortQuote(annotation.quote, 70)}`,
                note: item.note,
                annotation,
              },
            ]
          : [];
      }
      const link = links.get(item.id);
      if (!link) return [];
      const from = index.annotation(link.fromAnnotationId);
      const to = index.annotation(link.toAnnotationId);
      return [
        {
          kind: "item",
          title: `${position + 1}. “${shortQuote(from.quote, 40)}” ${link.relation} “${shortQuote(to.quote, 40)}”`,
          note: item.note,
          link,
        },
      ];
    });
  }
  return [
    ...report.documents.map((document): ReportSection => ({ kind: "document", title: document.title, document })),
    ...(report.links.length
      ? [{ kind: "links", title: "Links between passages", links: report.links } as ReportSection]
      : []),
    ...(report.claims.length ? [{ kind: "claims", title: "Claims", claims: report.claims } as ReportSection] : []),
  ];
}

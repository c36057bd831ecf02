import { htmlPlainText } from "@/lib/markdown/markdown-plain-text";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { formatPublished } from "@/lib/documents/published-date";
import { shortQuote } from "@/lib/text/short-quote";
import { citePassage } from "@/lib/citations/cite-passage";
import { bibliographyEntries } from "@/lib/citations/references";
import { reportMatrix, type ReportMatrix } from "./report-matrix";
import type { Report, ReportAnnotation, ReportDocument, ReportLink, ReportReply } from "./collect-report";

// A comment as reports print it: its Markdown rendered (when it was written) and read as
// text, so formatting marks vanish and nothing but words and safe link addresses remain.
export const plainBody = (item: { body: string; bodyHtml: string | null }) =>
  htmlPlainText(item.bodyHtml ?? renderMarkdown(item.body));

export const reportDate = (iso: string) => iso.slice(0, 10);

// A document's publication date in a citation, as precisely as it is known: "2023", "September 2023".
export const publishedDate = (document: Pick<ReportDocument, "publishedAt" | "publishedPrecision">) =>
  document.publishedAt ? formatPublished(document.publishedAt, document.publishedPrecision) : null;

// How every report format cites a passage: "Kowalewski 2018, p. 3" (lib/citations/cite-passage.ts).
export const passageCitation = (annotation: ReportAnnotation, index: ReportIndex) =>
  citePassage(index.documentOf(annotation), annotation);

// The documents a report cites (those with a passage in it), or, as references, those it
// is about: a collection's cited documents, every document of a workspace or document export.
export const citedDocuments = (report: Report) => report.documents.filter((document) => document.annotations.length);
export const referencedDocuments = (report: Report) =>
  report.scope.kind === "collection" ? citedDocuments(report) : report.documents;

// The bibliography that ends a report: the cited documents in the report's citation style.
export const reportBibliography = (report: Report) =>
  bibliographyEntries(citedDocuments(report), report.citationStyle ?? "apa");

// A moderator's resolution of a thread, as every report prints it above the thread: a
// heading line, then the moderator's summary (Markdown, rendered by each writer).
export const resolutionHead = (annotation: ReportAnnotation) =>
  annotation.resolution ? `Resolved by moderators on ${reportDate(annotation.resolution.resolvedAt)}` : null;

// A passage whose quote is not (or no longer exactly) in the current text says so, with
// the version its quote comes from, so that no report passes it off as current.
export function anchorNote(annotation: ReportAnnotation, document: Report["documents"][number]): string | null {
  if (annotation.anchorStatus === "orphaned")
    return `Orphaned: this passage is no longer in the current text (version ${document.version}); quoted as annotated on version ${annotation.anchoredVersion}.`;
  if (annotation.anchorStatus === "moved")
    return `Re-anchored to edited text in version ${annotation.anchoredVersion}; the quote may differ from what was annotated.`;
  return null;
}

// Appended to a shortened quote wherever the passage itself is not printed beside it.
export const orphanTag = (annotation: ReportAnnotation) =>
  annotation.anchorStatus === "orphaned" ? " (orphaned)" : "";

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
  // Documents in the report's scope with no passages (they get no section of their own).
  unannotated: string[];
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
    unannotated: report.collection
      ? []
      : report.documents.filter((document) => !document.annotations.length).map((document) => document.title),
  };
}

export const summaryLines = (summary: ReportSummary) => [
  `Documents: ${summary.documents}`,
  `Passages: ${summary.passages}`,
  `Replies: ${summary.replies}`,
  `Links: ${summary.links}${summary.linksByRelation.length ? ` (${summary.linksByRelation.map(([relation, count]) => `${relation} ${count}`).join(", ")})` : ""}`,
  `Participants: ${summary.participants}`,
  ...(summary.unannotated.length ? [`Documents without passages: ${summary.unannotated.join("; ")}`] : []),
];

// What a report walks through, in order: a collection's curated items, or every
// document's passages followed by the links between them.
export type ReportSection =
  | { kind: "document"; title: string; document: Report["documents"][number] }
  | { kind: "links"; title: string; links: ReportLink[] }
  | { kind: "claims"; title: string; claims: Report["claims"]; matrix: ReportMatrix | null }
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

export { shortQuote };

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
    ...report.documents
      .filter((document) => document.annotations.length)
      .map((document): ReportSection => ({ kind: "document", title: document.title, document })),
    ...(report.links.length
      ? [{ kind: "links", title: "Links between passages", links: report.links } as ReportSection]
      : []),
    ...(report.claims.length
      ? [{ kind: "claims", title: "Claims", claims: report.claims, matrix: reportMatrix(report) } as ReportSection]
      : []),
  ];
}

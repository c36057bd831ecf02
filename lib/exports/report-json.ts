import type { Report, ReportReply } from "./collect-report";
import { jsonChunks } from "./json-chunks";

export const JSON_EXPORT_FORMAT = "counterpoint-workspace/1";

const reply = (node: ReportReply): object => ({
  ref: node.id,
  author: { id: node.authorId, name: node.author },
  stance: node.stance,
  body: node.body,
  status: node.status,
  createdAt: node.createdAt,
  ...(node.importedFrom ? { importedFrom: node.importedFrom } : {}),
  replies: node.replies.map(reply),
});

const presentDocument = (document: Report["documents"][number]) => ({
  ref: document.id,
  title: document.title,
  authors: document.authors,
  publishedAt: document.publishedAt,
  publishedPrecision: document.publishedPrecision,
  sourceUrl: document.sourceUrl,
  text: document.text,
  annotations: document.annotations.map((annotation) => ({
    ref: annotation.id,
    start: annotation.start,
    end: annotation.end,
    quote: annotation.quote,
    body: annotation.body,
    tags: annotation.tags,
    color: annotation.color,
    creator: annotation.creator,
    status: annotation.status,
    createdAt: annotation.createdAt,
    ...(annotation.importedFrom ? { importedFrom: annotation.importedFrom } : {}),
    replies: annotation.replies.map(reply),
  })),
});

const presentLink = (link: Report["links"][number]) => ({
  ref: link.id,
  from: link.fromAnnotationId,
  to: link.toAnnotationId,
  relation: link.relation,
  rationale: link.rationale,
  creator: { id: link.creatorId, name: link.creator },
  status: link.status,
  createdAt: link.createdAt,
  ...(link.importedFrom ? { importedFrom: link.importedFrom } : {}),
  replies: link.replies.map(reply),
});

// Full fidelity, for importing into another workspace: the canonical texts, each
// passage by code-point offsets, threads as trees, links by passage reference.
export function reportJson(report: Report) {
  return {
    format: JSON_EXPORT_FORMAT,
    exportedAt: report.generatedAt,
    title: report.title,
    documents: report.documents.map(presentDocument),
    links: report.links.map(presentLink),
  };
}

// The same, written a document and a batch of links at a time.
export function* reportJsonChunks(report: Report): Generator<string> {
  const head = JSON.stringify({
    format: JSON_EXPORT_FORMAT,
    exportedAt: report.generatedAt,
    title: report.title,
  }).slice(0, -1);
  yield* jsonChunks([
    `${head},"documents":[`,
    report.documents.map(presentDocument),
    '],"links":[',
    report.links.map(presentLink),
    "]}",
  ]);
}

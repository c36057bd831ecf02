import type { Report, ReportReply } from "./collect-report";
import { csvRow } from "./csv";

const HEADER = [
  "created",
  "author",
  "document",
  "quote",
  "comment",
  "tags",
  "stance",
  "thread id",
  "parent id",
  "link relation",
  "id",
  "status",
];

function replyRows(
  replies: ReportReply[],
  threadId: string,
  document: string,
  quote: string,
  relation: string,
): string[][] {
  return replies.flatMap((reply) => [
    [
      reply.createdAt,
      reply.author,
      document,
      quote,
      reply.body,
      "",
      reply.stance,
      threadId,
      reply.parentId ?? threadId,
      relation,
      reply.id,
      reply.status,
    ],
    ...replyRows(reply.replies, threadId, document, quote, relation),
  ]);
}

// One row per annotation or reply (Hypothesis client issue #6112 is what to avoid: rows
// that cannot be put back into threads). Thread id and parent id rebuild every thread.
// Written a thread at a time.
export function* reportCsvChunks(report: Report): Generator<string> {
  const quoteOf = new Map(
    report.documents.flatMap((document) =>
      document.annotations.map((annotation) => [annotation.id, annotation.quote] as const),
    ),
  );
  yield csvRow(HEADER);
  for (const document of report.documents) {
    for (const annotation of document.annotations) {
      yield [
        [
          annotation.createdAt,
          annotation.creator.name,
          document.title,
          annotation.quote,
          annotation.body,
          annotation.tags.join("; "),
          "",
          annotation.id,
          "",
          "",
          annotation.id,
          annotation.status,
        ],
        ...replyRows(annotation.replies, annotation.id, document.title, annotation.quote, ""),
      ]
        .map(csvRow)
        .join("");
    }
  }
  for (const link of report.links) {
    const quote = `${quoteOf.get(link.fromAnnotationId)} ⇄ ${quoteOf.get(link.toAnnotationId)}`;
    yield [
      [
        link.createdAt,
        link.creator,
        "",
        quote,
        link.rationale,
        "",
        "",
        link.id,
        "",
        link.relation,
        link.id,
        link.status,
      ],
      ...replyRows(link.replies, link.id, "", quote, link.relation),
    ]
      .map(csvRow)
      .join("");
  }
}

export const reportCsv = (report: Report) => Array.from(reportCsvChunks(report)).join("");

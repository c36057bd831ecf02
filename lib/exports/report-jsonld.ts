import type { Report, ReportReply } from "./collect-report";
import { jsonChunks } from "./json-chunks";
import { summarizeReport } from "./report-summary";

// The W3C Web Annotation Data Model: an AnnotationCollection whose first page embeds
// every passage (commenting or highlighting, tags as tagging bodies), every reply
// (replying, targeting what it answers) and every link (linking, targeting both passages).
function* annotationItems(report: Report, baseUrl: string): Generator<object> {
  const annotationUrl = (id: string) => `${baseUrl}/api/v1/annotations/${id}`;
  const person = (name: string, id?: string) => ({
    ...(id ? { id: `${baseUrl}/users/${id}` } : {}),
    type: "Person",
    name,
  });
  function* replyItems(replies: ReportReply[], target: string): Generator<object> {
    for (const reply of replies) {
      yield {
        id: `${baseUrl}/api/v1/replies/${reply.id}`,
        type: "Annotation",
        motivation: "replying",
        created: reply.createdAt,
        creator: person(reply.author),
        body: [
          { type: "TextualBody", value: reply.body, format: "text/markdown" },
          { type: "TextualBody", value: reply.stance, purpose: "classifying" },
        ],
        target: reply.parentId ? `${baseUrl}/api/v1/replies/${reply.parentId}` : target,
      };
      yield* replyItems(reply.replies, target);
    }
  }
  for (const document of report.documents) {
    const source = `${baseUrl}/documents/${document.id}`;
    for (const annotation of document.annotations) {
      yield {
        id: annotationUrl(annotation.id),
        type: "Annotation",
        motivation: annotation.body.trim() ? "commenting" : "highlighting",
        created: annotation.createdAt,
        modified: annotation.updatedAt,
        creator: person(annotation.creator.name, annotation.creator.id),
        ...(annotation.body.trim() || annotation.tags.length
          ? {
              body: [
                ...(annotation.body.trim()
                  ? [{ type: "TextualBody", value: annotation.body, format: "text/markdown" }]
                  : []),
                ...annotation.tags.map((tag) => ({ type: "TextualBody", value: tag, purpose: "tagging" })),
              ],
            }
          : {}),
        target: {
          source,
          selector: [
            {
              type: "TextQuoteSelector",
              exact: annotation.quote,
              prefix: annotation.prefix,
              suffix: annotation.suffix,
            },
            { type: "TextPositionSelector", start: annotation.start, end: annotation.end },
            // In a paginated source, also the page its start is on (RFC 3778 fragment), refined by the
            // quote within that page. TextPositionSelector counts over the whole text, so it does not
            // refine the page; the quote does.
            ...(annotation.page !== null
              ? [
                  {
                    type: "FragmentSelector",
                    conformsTo: "http://tools.ietf.org/rfc/rfc3778",
                    value: `page=${annotation.page}`,
                    refinedBy: { type: "TextQuoteSelector", exact: annotation.quote },
                  },
                ]
              : []),
          ],
        },
      };
      yield* replyItems(annotation.replies, annotationUrl(annotation.id));
    }
  }
  for (const link of report.links) {
    const id = `${baseUrl}/api/v1/links/${link.id}`;
    yield {
      id,
      type: "Annotation",
      motivation: "linking",
      created: link.createdAt,
      creator: person(link.creator),
      body: [
        { type: "TextualBody", value: link.relation, purpose: "classifying" },
        ...(link.rationale
          ? [{ type: "TextualBody", value: link.rationale, format: "text/markdown", purpose: "commenting" }]
          : []),
      ],
      target: [annotationUrl(link.fromAnnotationId), annotationUrl(link.toAnnotationId)],
    };
    yield* replyItems(link.replies, id);
  }
}

function envelope(report: Report, baseUrl: string) {
  const summary = summarizeReport(report);
  const exportUrl = `${baseUrl}/api/v1/${report.scope.kind === "workspace" ? "workspaces" : `${report.scope.kind}s`}/${report.scope.id}/export?format=jsonld`;
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: exportUrl,
    type: "AnnotationCollection",
    label: report.title,
    total: summary.passages + summary.replies + summary.links,
    first: { id: `${exportUrl}&page=1`, type: "AnnotationPage", startIndex: 0 },
  };
}

export function reportJsonLd(report: Report, baseUrl: string) {
  const collection = envelope(report, baseUrl);
  return { ...collection, first: { ...collection.first, items: Array.from(annotationItems(report, baseUrl)) } };
}

// The same document, its items serialized a batch at a time.
export function* reportJsonLdChunks(report: Report, baseUrl: string): Generator<string> {
  const head = JSON.stringify(envelope(report, baseUrl)).slice(0, -2);
  yield* jsonChunks([`${head},"items":[`, annotationItems(report, baseUrl), "]}}"]);
}

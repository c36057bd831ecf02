import type { Report, ReportReply } from "./collect-report";
import { jsonChunks } from "./json-chunks";
import { summarizeReport } from "./report-summary";
import { ANNO_CONTEXT, passageJsonLd, personJsonLd } from "@/lib/w3c/annotation-jsonld";

// The W3C Web Annotation Data Model: an AnnotationCollection whose first page embeds
// every passage (commenting or highlighting, tags as tagging bodies), every reply
// (replying, targeting what it answers) and every link (linking, targeting both passages).
function* annotationItems(report: Report, baseUrl: string): Generator<object> {
  const annotationUrl = (id: string) => `${baseUrl}/api/v1/annotations/${id}`;
  const person = (name: string, id?: string) => personJsonLd(baseUrl, name, id);
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
      const target =
        document.kind === "webSource" && document.sourceUrl
          ? { kind: "webSource" as const, source: document.sourceUrl, selectors: annotation.webSelectors }
          : { kind: "document" as const, source };
      yield passageJsonLd(annotation, annotationUrl(annotation.id), target, baseUrl);
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
    "@context": ANNO_CONTEXT,
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

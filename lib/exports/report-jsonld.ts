import type { Report, ReportReply } from "./collect-report";

// The W3C Web Annotation Data Model: an AnnotationCollection whose first page embeds
// every passage (commenting or highlighting, tags as tagging bodies), every reply
// (replying, targeting what it answers) and every link (linking, targeting both passages).
export function reportJsonLd(report: Report, baseUrl: string) {
  const annotationUrl = (id: string) => `${baseUrl}/api/v1/annotations/${id}`;
  const person = (name: string, id?: string) => ({ ...(id ? { id: `${baseUrl}/users/${id}` } : {}), type: "Person", name });
  const items: object[] = [];
  const replyItems = (replies: ReportReply[], target: string) => {
    for (const reply of replies) {
      items.push({
        id: `${baseUrl}/api/v1/replies/${reply.id}`,
        type: "Annotation",
        motivation: "replying",
        created: reply.createdAt,
        creator: person(reply.author),
        body: [{ type: "TextualBody", value: reply.body, format: "text/markdown" }, { type: "TextualBody", value: reply.stance, purpose: "classifying" }],
        target: reply.parentId ? `${baseUrl}/api/v1/replies/${reply.parentId}` : target,
      });
      replyItems(reply.replies, target);
    }
  };
  for (const document of report.documents) {
    const source = `${baseUrl}/documents/${document.id}`;
    for (const annotation of document.annotations) {
      items.push({
        id: annotationUrl(annotation.id),
        type: "Annotation",
        motivation: annotation.body.trim() ? "commenting" : "highlighting",
        created: annotation.createdAt,
        modified: annotation.updatedAt,
        creator: person(annotation.creator.name, annotation.creator.id),
        ...(annotation.body.trim() || annotation.tags.length
          ? { body: [...(annotation.body.trim() ? [{ type: "TextualBody", value: annotation.body, format: "text/markdown" }] : []), ...annotation.tags.map((tag) => ({ type: "TextualBody", value: tag, purpose: "tagging" }))] }
          : {}),
        target: {
          source,
          selector: [
            { type: "TextQuoteSelector", exact: annotation.quote, prefix: annotation.prefix, suffix: annotation.suffix },
            { type: "TextPositionSelector", start: annotation.start, end: annotation.end },
          ],
        },
      });
      replyItems(annotation.replies, annotationUrl(annotation.id));
    }
  }
  for (const link of report.links) {
    const id = `${baseUrl}/api/v1/links/${link.id}`;
    items.push({
      id,
      type: "Annotation",
      motivation: "linking",
      created: link.createdAt,
      creator: person(link.creator),
      body: [{ type: "TextualBody", value: link.relation, purpose: "classifying" }, ...(link.rationale ? [{ type: "TextualBody", value: link.rationale, format: "text/plain", purpose: "commenting" }] : [])],
      target: [annotationUrl(link.fromAnnotationId), annotationUrl(link.toAnnotationId)],
    });
    replyItems(link.replies, id);
  }
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `${baseUrl}/api/v1/workspaces/${report.workspaceId}/export?format=jsonld`,
    type: "AnnotationCollection",
    label: report.title,
    total: items.length,
    first: { id: `${baseUrl}/api/v1/workspaces/${report.workspaceId}/export?format=jsonld&page=1`, type: "AnnotationPage", startIndex: 0, items },
  };
}

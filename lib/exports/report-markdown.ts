import type { Report, ReportAnnotation, ReportLink, ReportReply } from "./collect-report";
import {
  indexReport,
  plainBody,
  publishedDate,
  reportDate as date,
  resolutionLine,
  reportSections,
  shortQuote,
  summarizeReport,
  summaryLines,
  type ReportIndex,
} from "./report-summary";

// Markdown special characters in people's text stay text.
const escape = (text: string) => text.replace(/([\\`*_{}[\]<>#|])/g, "\\$1");
const quoteBlock = (text: string) =>
  text
    .split("\n")
    .map((line) => `> ${escape(line)}`)
    .join("\n");
const marked = (status: string) => (status === "visible" ? "" : ` **[${status}]**`);

function replyLines(replies: ReportReply[], depth: number): string[] {
  return replies.flatMap((reply) => [
    `${"  ".repeat(depth)}- **${reply.stance}** — ${escape(reply.author)}, ${date(reply.createdAt)}${marked(reply.status)}: ${escape(plainBody(reply)).replace(/\n+/g, " ")}`,
    ...replyLines(reply.replies, depth + 1),
  ]);
}

const citation = (document: Report["documents"][number]) =>
  `*${escape(document.title)}*, ${escape(document.authors.join(", ") || "unknown author")}${document.publishedAt ? `, ${publishedDate(document)}` : ""}${document.sourceUrl ? `, <${document.sourceUrl}>` : ""}`;

function passageLines(annotation: ReportAnnotation, cite?: string): string[] {
  return [
    quoteBlock(annotation.quote),
    "",
    `— ${escape(annotation.creator.name)}, ${date(annotation.createdAt)}${marked(annotation.status)}${annotation.tags.length ? ` · tags: ${annotation.tags.map(escape).join(", ")}` : ""}${cite ? ` · from ${cite}` : ""}`,
    "",
    ...(annotation.body.trim() ? [escape(plainBody(annotation)), ""] : []),
    ...(annotation.resolution ? [`**${escape(resolutionLine(annotation)!)}**`, ""] : []),
    ...(annotation.replies.length ? [...replyLines(annotation.replies, 0), ""] : []),
  ];
}

function linkLines(link: ReportLink, index: ReportIndex, withPassages: boolean): string[] {
  const from = index.annotation(link.fromAnnotationId);
  const to = index.annotation(link.toAnnotationId);
  const head = `From *${escape(index.documentOf(from).title)}* to *${escape(index.documentOf(to).title)}*, linked as **${link.relation}** by ${escape(link.creator)} on ${date(link.createdAt)}${marked(link.status)}.`;
  return [
    ...(withPassages
      ? [
          quoteBlock(from.quote),
          "",
          `— ${citation(index.documentOf(from))}`,
          "",
          `**${link.relation}**`,
          "",
          quoteBlock(to.quote),
          "",
          `— ${citation(index.documentOf(to))}`,
          "",
        ]
      : []),
    head,
    "",
    ...(link.rationale ? [escape(link.rationale), ""] : []),
    ...(link.replies.length ? [...replyLines(link.replies, 0), ""] : []),
  ];
}

// A report a colleague can read, written section by section so that a large workspace
// streams out: title, summary counts, contents, then each document's passages with
// citation, comments and threads and the links between passages — or, for a collection,
// its introduction and its curated items in order, each with the curator's note.
export function* reportMarkdownChunks(report: Report): Generator<string> {
  const sections = reportSections(report);
  const index = indexReport(report);
  const intro = report.collection?.description.trim();
  yield [
    `# ${escape(report.title)}`,
    "",
    `Exported from Counterpoint on ${date(report.generatedAt)}.${report.includesHidden ? " Includes items hidden by moderators, marked [hidden]." : ""}`,
    "",
    ...(intro ? [intro, ""] : []),
    "## Summary",
    "",
    ...summaryLines(summarizeReport(report)).map((line) => `- ${line}`),
    "",
    "## Contents",
    "",
    ...sections.map((section, position) =>
      section.kind === "item" ? escape(section.title) : `${position + 1}. ${escape(section.title)}`,
    ),
    "",
    "",
  ].join("\n");
  for (const section of sections) {
    const lines = [`## ${escape(section.title)}`, ""];
    if (section.kind === "document") {
      lines.push(citation(section.document), "");
      if (!section.document.annotations.length) lines.push("No passages annotated.", "");
      for (const annotation of section.document.annotations) lines.push(...passageLines(annotation));
    } else if (section.kind === "links") {
      for (const link of section.links) {
        const from = index.annotation(link.fromAnnotationId);
        const to = index.annotation(link.toAnnotationId);
        lines.push(
          `### “${escape(from.quote.slice(0, 80))}” ${link.relation} “${escape(to.quote.slice(0, 80))}”${marked(link.status)}`,
          "",
          ...linkLines(link, index, false),
        );
      }
    } else if (section.kind === "claims") {
      for (const claim of section.claims) {
        lines.push(
          `### ${escape(claim.title)}`,
          "",
          ...(claim.description.trim() ? [escape(claim.description), ""] : []),
        );
        for (const placed of claim.passages) {
          const annotation = index.annotation(placed.annotationId);
          lines.push(
            `- **${placed.stance}**: “${escape(shortQuote(annotation.quote, 160))}” — *${escape(index.documentOf(annotation).title)}*`,
          );
        }
        lines.push("");
      }
    } else {
      if (section.note.trim()) lines.push(`**Curator's note:** ${escape(section.note)}`, "");
      if (section.annotation)
        lines.push(...passageLines(section.annotation, citation(index.documentOf(section.annotation))));
      if (section.link) lines.push(...linkLines(section.link, index, true));
    }
    yield `${lines.join("\n")}\n`;
  }
}

export function reportMarkdown(report: Report): string {
  return `${Array.from(reportMarkdownChunks(report)).join("").trimEnd()}\n`;
}

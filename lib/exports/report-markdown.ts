import type { Report, ReportAnnotation, ReportLink, ReportReply } from "./collect-report";
import { matrixCellLabel, type ReportMatrix } from "./report-matrix";
import {
  anchorNote,
  indexReport,
  orphanTag,
  passageCitation,
  reportBibliography,
  publishedDate,
  reportDate as date,
  resolutionHead,
  reportSections,
  shortQuote,
  summarizeReport,
  summaryLines,
  type ReportIndex,
} from "./report-summary";
import { describeProvenance, type Provenance } from "./provenance";

// An imported item quotes where it came from: " (originally by Ada, 2019)".
const originally = (item: { importedFrom: Provenance | null }) =>
  item.importedFrom ? ` (${escape(describeProvenance(item.importedFrom).replace(/^O/, "o"))})` : "";

// Markdown special characters in names, titles and quotes stay text; what people wrote in
// Markdown (comments, rationales, notes, resolutions, introductions) is kept as written.
const escape = (text: string) => text.replace(/([\\`*_{}[\]<>#|])/g, "\\$1");
const quoteBlock = (text: string) =>
  text
    .split("\n")
    .map((line) => `> ${escape(line)}`)
    .join("\n");
const marked = (status: string) => (status === "visible" ? "" : ` **[${status}]**`);
// Markdown as its writer wrote it, indented to sit inside a list item.
const asWritten = (markdown: string, indent = "") =>
  markdown
    .trim()
    .split("\n")
    .map((line) => (line.trim() ? `${indent}${line}` : ""));

// A reply as a list item: a body that opens with a paragraph continues the item's line,
// the rest of it (or a body opening with a list, quote or heading) follows, indented.
function replyLines(replies: ReportReply[], depth: number): string[] {
  const indent = "  ".repeat(depth);
  return replies.flatMap((reply) => {
    const [first = "", ...rest] = asWritten(reply.body, `${indent}  `);
    const inline = first && !/^\s*([-*+>#|]|\d+[.)]\s|```|~~~)/.test(first);
    return [
      `${indent}- **${reply.stance}** — ${escape(reply.author)}, ${date(reply.createdAt)}${originally(reply)}${marked(reply.status)}:${inline ? ` ${first.trim()}` : ""}`,
      ...(inline ? rest : ["", first, ...rest]),
      ...(rest.length || !inline ? [""] : []),
      ...replyLines(reply.replies, depth + 1),
    ];
  });
}

const citation = (document: Report["documents"][number]) =>
  `*${escape(document.title)}*, ${escape(document.authors.join(", ") || "unknown author")}${document.publishedAt ? `, ${publishedDate(document)}` : ""}${document.sourceUrl ? `, <${document.sourceUrl}>` : ""}`;

function passageLines(annotation: ReportAnnotation, index: ReportIndex, cite?: string): string[] {
  const note = anchorNote(annotation, index.documentOf(annotation));
  return [
    quoteBlock(annotation.quote),
    "",
    `(${escape(passageCitation(annotation, index))})`,
    "",
    ...(note ? [`*${escape(note)}*`, ""] : []),
    `— ${escape(annotation.creator.name)}, ${date(annotation.createdAt)}${originally(annotation)}${marked(annotation.status)}${annotation.tags.length ? ` · tags: ${annotation.tags.map(escape).join(", ")}` : ""}${cite ? ` · from ${cite}` : ""}`,
    "",
    ...(annotation.body.trim() ? [...asWritten(annotation.body), ""] : []),
    ...(annotation.resolution
      ? [
          `**${resolutionHead(annotation)}${annotation.resolution.summary.trim() ? ":" : "."}**`,
          "",
          ...(annotation.resolution.summary.trim() ? [...asWritten(annotation.resolution.summary), ""] : []),
        ]
      : []),
    ...(annotation.replies.length ? [...replyLines(annotation.replies, 0), ""] : []),
  ];
}

function linkLines(link: ReportLink, index: ReportIndex, withPassages: boolean): string[] {
  const from = index.annotation(link.fromAnnotationId);
  const to = index.annotation(link.toAnnotationId);
  const head = `From *${escape(index.documentOf(from).title)}* to *${escape(index.documentOf(to).title)}*, linked as **${link.relation}** by ${escape(link.creator)} on ${date(link.createdAt)}${originally(link)}${marked(link.status)}.`;
  return [
    ...(withPassages
      ? [
          ...passageLines(from, index, citation(index.documentOf(from))),
          `**${link.relation}**`,
          "",
          ...passageLines(to, index, citation(index.documentOf(to))),
        ]
      : []),
    head,
    "",
    ...(link.rationale.trim() ? [...asWritten(link.rationale), ""] : []),
    ...(link.replies.length ? [...replyLines(link.replies, 0), ""] : []),
  ];
}

// Documents × claims as a table: one row per claim, one column per document.
function matrixLines(matrix: ReportMatrix | null): string[] {
  if (!matrix?.documents.length) return [];
  const cell = (text: string) => escape(text).replace(/\n/g, " ");
  return [
    "### Documents × claims",
    "",
    `| Claim | ${matrix.documents.map((document) => cell(document.title)).join(" | ")} |`,
    `| --- | ${matrix.documents.map(() => "---").join(" | ")} |`,
    ...matrix.claims.map(
      (claim, row) =>
        `| ${cell(claim.title)} | ${matrix.rows[row]!.map((entry) => matrixCellLabel(entry)).join(" | ")} |`,
    ),
    "",
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
      for (const annotation of section.document.annotations) lines.push(...passageLines(annotation, index));
    } else if (section.kind === "links") {
      for (const link of section.links) {
        const from = index.annotation(link.fromAnnotationId);
        const to = index.annotation(link.toAnnotationId);
        lines.push(
          `### “${escape(shortQuote(from.quote))}”${orphanTag(from)} ${link.relation} “${escape(shortQuote(to.quote))}”${orphanTag(to)}${marked(link.status)}`,
          "",
          ...linkLines(link, index, false),
        );
      }
    } else if (section.kind === "claims") {
      lines.push(...matrixLines(section.matrix));
      for (const claim of section.claims) {
        lines.push(
          `### ${escape(claim.title)}`,
          "",
          ...(claim.description.trim() ? [escape(claim.description), ""] : []),
        );
        for (const placed of claim.passages) {
          const annotation = index.annotation(placed.annotationId);
          lines.push(
            `- **${placed.stance}**: “${escape(shortQuote(annotation.quote, 160))}”${orphanTag(annotation)} — *${escape(index.documentOf(annotation).title)}*`,
          );
        }
        lines.push("");
      }
    } else {
      if (section.note.trim()) lines.push("**Curator's note:**", "", ...asWritten(section.note), "");
      if (section.annotation)
        lines.push(...passageLines(section.annotation, index, citation(index.documentOf(section.annotation))));
      if (section.link) lines.push(...linkLines(section.link, index, true));
    }
    yield `${lines.join("\n")}\n`;
  }
  const bibliography = reportBibliography(report);
  if (bibliography.length) yield `## References\n\n${bibliography.map((entry) => `${escape(entry)}\n`).join("\n")}`;
}

export function reportMarkdown(report: Report): string {
  return `${Array.from(reportMarkdownChunks(report)).join("").trimEnd()}\n`;
}

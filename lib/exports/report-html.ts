import { renderMarkdown } from "@/lib/markdown/render-markdown";
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
  item.importedFrom ? ` (${escapeHtml(describeProvenance(item.importedFrom).replace(/^O/, "o"))})` : "";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
// Comments as their author formatted them: the sanitized HTML rendered when they were written.
const commentHtml = (item: { body: string; bodyHtml: string | null }) => item.bodyHtml ?? renderMarkdown(item.body);
const marked = (status: string) =>
  status === "visible" ? "" : ` <strong class="status">[${escapeHtml(status)}]</strong>`;

const citation = (document: Report["documents"][number]) =>
  `<cite>${escapeHtml(document.title)}</cite>, ${escapeHtml(document.authors.join(", ") || "unknown author")}${document.publishedAt ? `, ${publishedDate(document)}` : ""}${
    document.sourceUrl && /^https?:\/\//.test(document.sourceUrl)
      ? `, <a href="${escapeHtml(document.sourceUrl)}">${escapeHtml(document.sourceUrl)}</a>`
      : ""
  }`;

function replies(list: ReportReply[]): string {
  if (!list.length) return "";
  return `<ul class="thread">${list
    .map(
      (reply) =>
        `<li><p class="by"><strong class="${escapeHtml(reply.stance)}">${escapeHtml(reply.stance)}</strong> — ${escapeHtml(reply.author)}, ${date(reply.createdAt)}${originally(reply)}${marked(reply.status)}</p>${commentHtml(reply)}${replies(reply.replies)}</li>`,
    )
    .join("")}</ul>`;
}

function resolution(annotation: ReportAnnotation): string {
  if (!annotation.resolution) return "";
  const summary = annotation.resolution.summary.trim();
  return `<div class="note"><p><strong>${resolutionHead(annotation)}${summary ? ":" : "."}</strong></p>${summary ? renderMarkdown(summary) : ""}</div>`;
}

const quote = (text: string) => `<blockquote><p>${escapeHtml(text).replaceAll("\n", "<br>")}</p></blockquote>`;

function passage(annotation: ReportAnnotation, index: ReportIndex, cite?: string): string {
  const tags = annotation.tags.length ? ` · tags: ${annotation.tags.map(escapeHtml).join(", ")}` : "";
  const note = anchorNote(annotation, index.documentOf(annotation));
  return `<article class="passage${annotation.anchorStatus === "orphaned" ? " orphaned" : ""}">${quote(annotation.quote)}<p class="cite">(${escapeHtml(passageCitation(annotation, index))})</p>${note ? `<p class="anchor"><em>${escapeHtml(note)}</em></p>` : ""}<p class="by">— ${escapeHtml(annotation.creator.name)}, ${date(annotation.createdAt)}${originally(annotation)}${marked(annotation.status)}${tags}${cite ? ` · from ${cite}` : ""}</p>${
    annotation.body.trim() ? commentHtml(annotation) : ""
  }${resolution(annotation)}${replies(annotation.replies)}</article>`;
}

function link(item: ReportLink, index: ReportIndex, withPassages: boolean): string {
  const from = index.annotation(item.fromAnnotationId);
  const to = index.annotation(item.toAnnotationId);
  const relation = `<p class="relation ${escapeHtml(item.relation)}">${escapeHtml(item.relation)}</p>`;
  const ends = withPassages
    ? `${passage(from, index, citation(index.documentOf(from)))}${relation}${passage(to, index, citation(index.documentOf(to)))}`
    : "";
  return `<article class="link">${ends}<p class="by">From <cite>${escapeHtml(index.documentOf(from).title)}</cite> to <cite>${escapeHtml(index.documentOf(to).title)}</cite>, linked as <strong>${escapeHtml(item.relation)}</strong> by ${escapeHtml(item.creator)} on ${date(item.createdAt)}${originally(item)}${marked(item.status)}.</p>${
    item.rationale.trim() ? item.rationaleHtml : ""
  }${replies(item.replies)}</article>`;
}

function matrixTable(matrix: ReportMatrix | null): string {
  if (!matrix?.documents.length) return "";
  return `<h3>Documents × claims</h3><table class="matrix"><thead><tr><th scope="col">Claim</th>${matrix.documents
    .map((document) => `<th scope="col">${escapeHtml(document.title)}</th>`)
    .join("")}</tr></thead><tbody>${matrix.claims
    .map(
      (claim, row) =>
        `<tr><th scope="row">${escapeHtml(claim.title)}</th>${matrix.rows[row]!.map(
          (cell) => `<td class="${cell?.stance ?? "none"}">${escapeHtml(matrixCellLabel(cell))}</td>`,
        ).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
}

const STYLE = `body { font: 17px/1.6 Georgia, "Noto Serif", serif; color: #1c1917; max-width: 46rem; margin: 3rem auto; padding: 0 1.25rem; }
h1, h2, h3, .relation { font-family: system-ui, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid #e7e5e4; padding-bottom: .25rem; margin-top: 2.5rem; }
blockquote { margin: 1rem 0 .25rem; padding-left: 1rem; border-left: 3px solid #a8a29e; font-style: italic; color: #44403c; }
.by { font-size: .85em; color: #57534e; margin: .25rem 0; }
.thread { list-style: none; padding-left: 1rem; border-left: 1px solid #e7e5e4; }
.note { background: #fffbeb; padding: .5rem .75rem; border-radius: .375rem; }
.note > :first-child { margin-top: 0; } .note > :last-child { margin-bottom: 0; }
.relation { text-transform: uppercase; font-size: .8em; font-weight: 700; letter-spacing: .05em; }
.supports, .agrees { color: #15803d; } .opposes, .contradicts { color: #b91c1c; } .qualifies { color: #b45309; } .asks, .elaborates { color: #1d4ed8; }
.status, .anchor { color: #b45309; }
.references { list-style: none; padding: 0; }
.references li { margin: 0 0 .5rem; padding-left: 2rem; text-indent: -2rem; }
.cite { margin: 0 0 .25rem; color: #57534e; font-size: .9rem; }
.orphaned blockquote { border-left-style: dashed; }
table.matrix { border-collapse: collapse; font: .85em system-ui, sans-serif; margin: 1rem 0; }
table.matrix th, table.matrix td { border: 1px solid #e7e5e4; padding: .25rem .5rem; text-align: left; vertical-align: top; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } blockquote, .passage { break-inside: avoid; } }`;

// The report as one standalone HTML file, written section by section: people's text
// escaped, comments as the sanitized HTML rendered when they were written, styled for
// screen and print, and carrying its own policy so that, opened from disk or mail, it
// can load and run nothing.
export function* reportHtmlChunks(report: Report): Generator<string> {
  const sections = reportSections(report);
  const index = indexReport(report);
  const intro = report.collection?.description.trim();
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
<p class="by">Exported from Counterpoint on ${date(report.generatedAt)}.${report.includesHidden ? " Includes items hidden by moderators, marked [hidden]." : ""}</p>
${intro ? renderMarkdown(intro) : ""}
<h2>Summary</h2>
<ul>${summaryLines(summarizeReport(report))
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join("")}</ul>
<h2>Contents</h2>
<ol>${sections.map((section, position) => `<li><a href="#section-${position + 1}">${escapeHtml(section.kind === "item" ? section.title.replace(/^\d+\. /, "") : section.title)}</a></li>`).join("")}</ol>
`;
  for (const [position, section] of sections.entries()) {
    const parts = [
      `<section id="section-${position + 1}"><h2>${escapeHtml(section.kind === "item" ? section.title : `${position + 1}. ${section.title}`)}</h2>`,
    ];
    if (section.kind === "document") {
      parts.push(`<p class="by">${citation(section.document)}</p>`);
      for (const annotation of section.document.annotations) parts.push(passage(annotation, index));
    } else if (section.kind === "links") {
      for (const item of section.links) {
        const from = index.annotation(item.fromAnnotationId);
        const to = index.annotation(item.toAnnotationId);
        parts.push(
          `<h3>“${escapeHtml(shortQuote(from.quote))}”${orphanTag(from)} ${escapeHtml(item.relation)} “${escapeHtml(shortQuote(to.quote))}”${orphanTag(to)}${marked(item.status)}</h3>`,
          link(item, index, false),
        );
      }
    } else if (section.kind === "claims") {
      parts.push(matrixTable(section.matrix));
      for (const claim of section.claims) {
        parts.push(
          `<h3>${escapeHtml(claim.title)}</h3>`,
          claim.description.trim() ? `<p>${escapeHtml(claim.description)}</p>` : "",
          "<ul>",
        );
        for (const placed of claim.passages) {
          const annotation = index.annotation(placed.annotationId);
          parts.push(
            `<li><strong class="${escapeHtml(placed.stance)}">${escapeHtml(placed.stance)}</strong>: “${escapeHtml(shortQuote(annotation.quote, 160))}”${orphanTag(annotation)} — <cite>${escapeHtml(index.documentOf(annotation).title)}</cite></li>`,
          );
        }
        parts.push("</ul>");
      }
    } else {
      if (section.note.trim())
        parts.push(`<div class="note"><p><strong>Curator's note:</strong></p>${renderMarkdown(section.note)}</div>`);
      if (section.annotation)
        parts.push(passage(section.annotation, index, citation(index.documentOf(section.annotation))));
      if (section.link) parts.push(link(section.link, index, true));
    }
    parts.push("</section>\n");
    yield parts.join("");
  }
  const bibliography = reportBibliography(report);
  if (bibliography.length)
    yield `<section id="references"><h2>References</h2><ul class="references">${bibliography.map((entry) => `<li>${escapeHtml(entry)}</li>`).join("")}</ul></section>\n`;
  yield "</body>\n</html>\n";
}

export const reportHtml = (report: Report) => Array.from(reportHtmlChunks(report)).join("");

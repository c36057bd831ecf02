import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { htmlPlainText, markdownPlainText } from "@/lib/markdown/markdown-plain-text";
import type { Report, ReportAnnotation, ReportLink, ReportReply } from "./collect-report";
import { matrixCellLabel, type ReportMatrix } from "./report-matrix";
import {
  anchorNote,
  indexReport,
  orphanTag,
  passageCitation,
  reportBibliography,
  plainBody,
  publishedDate,
  reportDate as date,
  resolutionHead,
  reportSections,
  shortQuote,
  summarizeReport,
  summaryLines,
  type ReportIndex,
  type ReportSection,
} from "./report-summary";

// Noto Sans for Latin, Greek and Cyrillic, Noto Sans SC for Chinese, Japanese and
// Korean runs (its Latin punctuation is full-width, so it only sets CJK). pdfkit embeds
// just the glyphs a report uses.
type Face = "regular" | "bold" | "italic";
const FONT_FILES: Record<Face | `${Exclude<Face, "italic">}-cjk`, [string, ...string[]]> = {
  regular: ["noto-sans", "400Regular", "NotoSans_400Regular.ttf"],
  bold: ["noto-sans", "700Bold", "NotoSans_700Bold.ttf"],
  italic: ["noto-sans", "400Regular_Italic", "NotoSans_400Regular_Italic.ttf"],
  "regular-cjk": ["noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf"],
  "bold-cjk": ["noto-sans-sc", "700Bold", "NotoSansSC_700Bold.ttf"],
};
let fonts: [string, Buffer][] | undefined;
const loadFonts = () =>
  (fonts ??= Object.entries(FONT_FILES).map(([name, [family, ...file]]) => [
    name,
    readFileSync(path.join(process.cwd(), "node_modules", "@expo-google-fonts", family, ...file)),
  ]));

// Han, kana, Hangul, CJK punctuation and full-width forms.
const CJK_RUN = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]+)/u;

// Text in the face asked for, CJK runs switched to the CJK font, as one flowing paragraph.
function write(
  pdf: Pdf,
  text: string,
  face: Face,
  options: PDFKit.Mixins.TextOptions = {},
  at?: { x: number; y: number },
) {
  const runs = text.split(CJK_RUN).filter((run, index) => run || index === 0);
  runs.forEach((run, index) => {
    const cjk = index % 2 === 1;
    pdf.font(cjk ? (face === "bold" ? "bold-cjk" : "regular-cjk") : face);
    const runOptions = { ...options, continued: index < runs.length - 1 || options.continued };
    if (index === 0 && at) pdf.text(run, at.x, at.y, runOptions);
    else pdf.text(run, runOptions);
  });
}

const INK = "#1c1917";
const MUTED = "#57534e";
const RULE = "#d6d3d1";
const TONE: Record<string, string> = {
  supports: "#15803d",
  opposes: "#b91c1c",
  qualifies: "#b45309",
  asks: "#1d4ed8",
  agrees: "#15803d",
  contradicts: "#b91c1c",
  elaborates: "#1d4ed8",
};
const MARGIN = { top: 64, bottom: 64, left: 64, right: 64 };

type Pdf = PDFKit.PDFDocument;

// The report laid out for print on the server: a title page with the summary, contents
// linked to the sections (also as PDF bookmarks), running headers and page numbers.
// Written section by section; each section's bytes are handed on as soon as they exist.
export async function* reportPdfChunks(report: Report): AsyncGenerator<Uint8Array> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    autoFirstPage: false,
    displayTitle: true,
    lang: "en",
    info: {
      Title: report.title,
      Creator: "Counterpoint",
      Producer: "Counterpoint (pdfkit)",
      CreationDate: new Date(report.generatedAt),
    },
  });
  const pending: Uint8Array[] = [];
  pdf.on("data", (chunk: Buffer) => pending.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  // What pdfkit has written since the last call, as one piece.
  const drain = async function* () {
    await new Promise((resolve) => setImmediate(resolve));
    if (pending.length) yield Buffer.concat(pending.splice(0));
  };
  for (const [name, file] of loadFonts()) pdf.registerFont(name, file);
  let pageNumber = 0;
  pdf.on("pageAdded", () => runningHeadAndFoot(pdf, report.title, ++pageNumber));

  const sections = reportSections(report);
  const index = indexReport(report);
  pdf.addPage();
  titlePage(pdf, report, sections);
  yield* drain();
  for (const [position, section] of sections.entries()) {
    // Documents and link lists open a page; a collection's items follow one another.
    if (section.kind !== "item" || position === 0) pdf.addPage();
    else pdf.moveDown(1);
    pdf.addNamedDestination(`section-${position}`, "FitH", pdf.page.height - pdf.y);
    pdf.outline.addItem(section.title);
    writeSection(pdf, section, index);
    yield* drain();
  }
  const bibliography = reportBibliography(report);
  if (bibliography.length) {
    pdf.addPage();
    pdf.outline.addItem("References");
    heading(pdf, "References", 16);
    for (const entry of bibliography) body(pdf, entry, { paragraphGap: 6 });
    yield* drain();
  }
  pdf.end();
  await ended;
  yield* drain();
}

function runningHeadAndFoot(pdf: Pdf, title: string, pageNumber: number) {
  const { x, y } = pdf;
  const bottom = pdf.page.margins.bottom;
  pdf.page.margins.bottom = 0;
  const width = pdf.page.width - MARGIN.left - MARGIN.right;
  pdf.fontSize(8).fillColor(MUTED);
  if (pageNumber > 1) {
    write(
      pdf,
      title,
      "regular",
      { width: width - 100, lineBreak: false, ellipsis: true, height: 10 },
      { x: MARGIN.left, y: 32 },
    );
    write(
      pdf,
      "Counterpoint report",
      "regular",
      { width, align: "right", lineBreak: false },
      { x: MARGIN.left, y: 32 },
    );
    pdf
      .moveTo(MARGIN.left, 46)
      .lineTo(MARGIN.left + width, 46)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  }
  write(
    pdf,
    `Page ${pageNumber}`,
    "regular",
    { width, align: "center", lineBreak: false },
    { x: MARGIN.left, y: pdf.page.height - 40 },
  );
  pdf.page.margins.bottom = bottom;
  pdf.x = x;
  pdf.y = y;
  pdf.fillColor(INK);
}

// Text in paragraphs (a blank line between them in the text), each followed by a small gap.
const body = (pdf: Pdf, text: string, options: PDFKit.Mixins.TextOptions = {}) => {
  pdf.fontSize(10.5).fillColor(INK);
  for (const paragraph of text.split(/\n{2,}/)) write(pdf, paragraph, "regular", { paragraphGap: 4, ...options });
};

function small(pdf: Pdf, text: string) {
  pdf.fontSize(8.5).fillColor(MUTED);
  write(pdf, text, "regular", { paragraphGap: 3 });
  pdf.fillColor(INK);
}

function heading(pdf: Pdf, text: string, size: number) {
  pdf.fontSize(size).fillColor(INK);
  write(pdf, text, "bold", { paragraphGap: size / 2 });
}

function titlePage(pdf: Pdf, report: Report, sections: ReportSection[]) {
  pdf.moveDown(4);
  pdf.fontSize(10).fillColor(MUTED);
  write(pdf, report.collection ? "COLLECTION REPORT" : "DISCUSSION REPORT", "regular", { characterSpacing: 1.5 });
  pdf.moveDown(0.5);
  heading(pdf, report.title, 26);
  small(
    pdf,
    `Exported from Counterpoint on ${date(report.generatedAt)}.${report.includesHidden ? " Includes items hidden by moderators, marked [hidden]." : ""}`,
  );
  pdf.moveDown(1.5);
  const intro = report.collection?.description.trim();
  if (intro) {
    for (const paragraph of markdownPlainText(intro).split(/\n{2,}/)) body(pdf, paragraph, { paragraphGap: 6 });
    pdf.moveDown(1);
  }
  heading(pdf, "Summary", 14);
  for (const line of summaryLines(summarizeReport(report))) body(pdf, `•  ${line}`, { paragraphGap: 2 });
  pdf.moveDown(1.5);
  heading(pdf, "Contents", 14);
  sections.forEach((section, position) => {
    pdf.fontSize(10.5).fillColor("#1d4ed8");
    write(pdf, section.kind === "item" ? section.title : `${position + 1}. ${section.title}`, "regular", {
      goTo: `section-${position}`,
      paragraphGap: 3,
    });
  });
  pdf.fillColor(INK);
}

const marked = (status: string) => (status === "visible" ? "" : ` [${status}]`);

function citation(document: Report["documents"][number]) {
  return [document.title, document.authors.join(", ") || "unknown author", publishedDate(document), document.sourceUrl]
    .filter(Boolean)
    .join(" · ");
}

function quote(pdf: Pdf, text: string) {
  const top = pdf.y;
  pdf.fontSize(10.5).fillColor("#44403c");
  write(pdf, text, "italic", { paragraphGap: 2 }, { x: pdf.page.margins.left + 14, y: pdf.y });
  const bottom = pdf.y;
  // The bar beside a quote stays on the page the quote ends on.
  const barTop = bottom > top ? top : pdf.page.margins.top;
  pdf.rect(pdf.page.margins.left, barTop, 3, bottom - barTop).fill("#a8a29e");
  pdf.x = pdf.page.margins.left;
  pdf.fillColor(INK);
}

function replies(pdf: Pdf, list: ReportReply[], depth: number) {
  for (const reply of list) {
    const indent = pdf.page.margins.left + 14 * Math.min(depth + 1, 6);
    const width = pdf.page.width - pdf.page.margins.right - indent;
    pdf.fontSize(9.5).fillColor(TONE[reply.stance] ?? INK);
    write(pdf, `${reply.stance}  `, "bold", { continued: true, width }, { x: indent, y: pdf.y });
    pdf.fillColor(MUTED);
    write(pdf, `${reply.author}, ${date(reply.createdAt)}${marked(reply.status)}`, "regular", { width });
    pdf.fillColor(INK);
    for (const paragraph of plainBody(reply).split(/\n{2,}/))
      write(pdf, paragraph, "regular", { width, paragraphGap: 4 }, { x: indent, y: pdf.y });
    replies(pdf, reply.replies, depth + 1);
  }
  pdf.x = pdf.page.margins.left;
}

function passage(pdf: Pdf, annotation: ReportAnnotation, index: ReportIndex, cite?: string) {
  quote(pdf, annotation.quote);
  small(pdf, `(${passageCitation(annotation, index)})`);
  const note = anchorNote(annotation, index.documentOf(annotation));
  if (note) {
    pdf.fontSize(9.5).fillColor("#b45309");
    write(pdf, note, "bold", { paragraphGap: 3 });
    pdf.fillColor(INK);
  }
  small(
    pdf,
    `${annotation.creator.name}, ${date(annotation.createdAt)}${marked(annotation.status)}${annotation.tags.length ? ` · tags: ${annotation.tags.join(", ")}` : ""}${cite ? ` · ${cite}` : ""}`,
  );
  if (annotation.body.trim()) body(pdf, plainBody(annotation));
  if (annotation.resolution) {
    const summary = annotation.resolution.summary.trim();
    pdf.fontSize(10).fillColor("#92400e");
    write(pdf, `${resolutionHead(annotation)}${summary ? ":" : "."}`, "bold", { paragraphGap: 4 });
    pdf.fillColor(INK);
    if (summary) body(pdf, markdownPlainText(summary));
  }
  replies(pdf, annotation.replies, 0);
  pdf.moveDown(0.8);
}

function link(pdf: Pdf, item: ReportLink, index: ReportIndex, withPassages: boolean) {
  const from = index.annotation(item.fromAnnotationId);
  const to = index.annotation(item.toAnnotationId);
  const end = (annotation: ReportAnnotation) => {
    if (withPassages) passage(pdf, annotation, index, citation(index.documentOf(annotation)));
    else {
      pdf.fontSize(10.5).fillColor(INK);
      write(pdf, `“${shortQuote(annotation.quote, 160)}”${orphanTag(annotation)}`, "italic", { paragraphGap: 2 });
    }
  };
  end(from);
  pdf.fontSize(10).fillColor(TONE[item.relation] ?? INK);
  write(pdf, `${item.relation.toUpperCase()}${marked(item.status)}`, "bold", { paragraphGap: 2 });
  end(to);
  small(
    pdf,
    `Linked by ${item.creator} on ${date(item.createdAt)} · from ${index.documentOf(from).title} to ${index.documentOf(to).title}`,
  );
  if (item.rationale.trim()) body(pdf, htmlPlainText(item.rationaleHtml));
  replies(pdf, item.replies, 0);
  pdf.moveDown(0.8);
}

// Documents × claims, one claim after another with each document's stance on it.
function matrix(pdf: Pdf, table: ReportMatrix | null) {
  if (!table?.documents.length) return;
  pdf.fontSize(12.5).fillColor(INK);
  write(pdf, "Documents × claims", "bold", { paragraphGap: 4 });
  table.claims.forEach((claim, row) => {
    pdf.fontSize(10.5).fillColor(INK);
    write(pdf, claim.title, "bold", { paragraphGap: 1 });
    table.documents.forEach((document, column) => {
      const cell = table.rows[row]![column]!;
      pdf.fontSize(10).fillColor(cell ? (TONE[cell.stance] ?? "#b45309") : MUTED);
      write(pdf, `${matrixCellLabel(cell)}  `, "bold", { continued: true, indent: 14 });
      pdf.fillColor(INK);
      write(pdf, document.title, "regular", { paragraphGap: 1 });
    });
    pdf.moveDown(0.4);
  });
  pdf.moveDown(0.6);
}

function writeSection(pdf: Pdf, section: ReportSection, index: ReportIndex) {
  heading(pdf, section.title, 16);
  if (section.kind === "document") {
    small(pdf, citation(section.document));
    pdf.moveDown(0.5);
    for (const annotation of section.document.annotations) passage(pdf, annotation, index);
  } else if (section.kind === "links") {
    for (const item of section.links) link(pdf, item, index, false);
  } else if (section.kind === "claims") {
    matrix(pdf, section.matrix);
    for (const claim of section.claims) {
      pdf.fontSize(12.5).fillColor(INK);
      write(pdf, claim.title, "bold", { paragraphGap: 4 });
      if (claim.description.trim()) body(pdf, claim.description);
      for (const placed of claim.passages) {
        const annotation = index.annotation(placed.annotationId);
        pdf.fontSize(10).fillColor(TONE[placed.stance] ?? INK);
        write(pdf, `${placed.stance}  `, "bold", { continued: true });
        pdf.fillColor(INK);
        write(
          pdf,
          `“${shortQuote(annotation.quote, 160)}”${orphanTag(annotation)} — ${index.documentOf(annotation).title}`,
          "regular",
          {
            paragraphGap: 3,
          },
        );
      }
      pdf.moveDown(0.8);
    }
  } else {
    if (section.note.trim()) {
      pdf.fontSize(10.5).fillColor(INK);
      write(pdf, "Curator's note:", "bold", { paragraphGap: 2 });
      body(pdf, markdownPlainText(section.note), { paragraphGap: 6 });
    }
    if (section.annotation) passage(pdf, section.annotation, index, citation(index.documentOf(section.annotation)));
    if (section.link) link(pdf, section.link, index, true);
  }
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Block } from "../structure/blocks";
import { extractDocument } from "./extract-document";
import { normalizeText } from "./normalize-text";

// PDFs made by two real producers from texts written for these tests
// (scripts/fixtures/make-pdf-fixtures.ts): Chromium print-to-PDF and groff.
const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/pdf");
const SOURCES = path.resolve(import.meta.dirname, "../../../scripts/fixtures");

const importPdf = (name: string) =>
  extractDocument({
    file: { name, type: "application/pdf", bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name))) },
  });

const slice = (text: string, block: Block) => Array.from(text).slice(block.start, block.end).join("");
const outline = (text: string, blocks: Block[]) =>
  blocks.filter((block) => block.type === "heading").map((block) => [block.level, slice(text, block), block.page]);
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe("PDF import (Chromium print-to-PDF)", async () => {
  const document = await importPdf("chromium-river-report.pdf");
  const { text, blocks } = document;

  it("reads the same words as the source, in reading order (columns, footnote), without header or page numbers", () => {
    const html = readFileSync(path.join(SOURCES, "river-report.html"), "utf8");
    const body = html
      .slice(html.indexOf("<body>"))
      .replace(/&shy;|<br\s*\/?>|<sup>(?=1<\/sup>\s*<\/p>)/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace("⾯", "面");
    // The footnote marker hugs its word ("depths.1"), as on the page.
    expect(body).toContain("depths.1");
    expect(words(text)).toEqual(words(body));
    expect(text).not.toMatch(/Valley Water Council|Field Notes/);
  });

  it("undoes line-end hyphenation but keeps real hyphens, and normalizes compatibility characters", () => {
    expect(text).toContain("waterproof notebooks");
    expect(text).toContain("once explained as");
    expect(text).toContain("the Sino-Russian model");
    expect(text).toContain("before the long-term forecasts");
    expect(text).not.toMatch(/\p{L}[-\u2010] \p{Ll}/u);
    expect(text).not.toContain("\u2FAF");
    expect(text).toContain("The sign 面 is written");
  });

  it("finds headings by size, paragraphs, the footnote and the page of each block", () => {
    expect(outline(text, blocks)).toEqual([
      [1, "Rivers Without Borders", 1],
      [2, "A Shared Basin", 1],
      [2, "Counting Together", 2],
      [2, "What the Numbers Show", 2],
    ]);
    const footnotes = blocks.filter((block) => block.type === "footnote");
    expect(footnotes.map((block) => [slice(text, block), block.page])).toEqual([
      ["1 The upper gauge sits two metres below the bridge; the lower one is fixed to a post in the reeds.", 1],
    ]);
    // The paragraph that runs from the first column into the second is one block.
    const visitors = blocks.find((block) => slice(text, block).startsWith("Visitors from the coast"))!;
    expect(slice(text, visitors)).toMatch(/nobody in the valley has read it\. What matters here is the habit/);
    expect(blocks.filter((block) => block.type === "paragraph").length).toBe(13);
    expect(document.pageCount).toBe(2);
    expect(blocks.every((block) => block.page === 1 || block.page === 2)).toBe(true);
  });

  it("takes the title from the PDF, the author from the byline and the date from the date line, not the file date", () => {
    expect(document.title).toBe("Rivers Without Borders");
    expect(document.authors).toEqual(["Mara Ellison"]);
    expect(document.published).toEqual({ at: new Date("2024-03-14T00:00:00Z"), precision: "day" });
  });

  it("stores text that no later normalization moves, with blocks in order and inside it", () => {
    expect(normalizeText(text)).toBe(text);
    const length = Array.from(text).length;
    blocks.forEach((block, index) => {
      expect(block.end).toBeGreaterThan(block.start);
      expect(block.end).toBeLessThanOrEqual(length);
      if (index) expect(block.start).toBeGreaterThan(blocks[index - 1]!.end);
    });
    expect(blocks.map((block) => slice(text, block)).join("\n\n")).toBe(text);
  });
});

describe("PDF import (groff)", async () => {
  const document = await importPdf("groff-harbour-notes.pdf");
  const { text, blocks } = document;

  it("reads two columns in order and drops running headers and page numbers", () => {
    const order = [
      "3. Two Kinds of Knowledge",
      "4. Recommendations",
      "5. Questions for the Archive",
      "6. Afterword by the Clerk",
      "7. Appendix: The Stone Mark",
    ].map((heading) => text.indexOf(heading));
    expect(order.every((at, index) => at > (order[index - 1] ?? 0))).toBe(true);
    expect(text).not.toMatch(/Working Paper|Harbour Notes\n/);
    expect(text).not.toMatch(/\n\n\d+\n\n|\n\n\d+$/);
    expect(text).toContain("a kind of knowledge that travels well");
    expect(text).toContain("corrected centrally and distributed to every harbour on the coast");
    expect(text).not.toMatch(/\p{L}- \p{Ll}/u);
  });

  it("finds bold headings at body size below the larger title, the footnote and the pages", () => {
    expect(outline(text, blocks)).toEqual([
      [1, "Harbour Notes on Tides and Ledgers", 1],
      [2, "1. The Tide Tables", 1],
      [2, "2. Keeping the Ledger", 1],
      [2, "3. Two Kinds of Knowledge", 2],
      [2, "4. Recommendations", 2],
      [2, "5. Questions for the Archive", 2],
      [2, "6. Afterword by the Clerk", 2],
      [2, "7. Appendix: The Stone Mark", 3],
    ]);
    expect(
      blocks.filter((block) => block.type === "footnote").map((block) => [slice(text, block), block.page]),
    ).toEqual([
      ["1 The river gauge upstream has been replaced twice since the almanac last revised its assumptions.", 1],
    ]);
    expect(document.pageCount).toBe(3);
  });

  it("takes title and authors from the Info dictionary and no publication date from the file", () => {
    expect(document.title).toBe("Harbour Notes on Tides and Ledgers");
    expect(document.authors).toEqual(["Jonas Brecht", "Ilse Marwood"]);
    expect(document.published).toBeUndefined();
  });
});

describe("PDF metadata", () => {
  // A third producer, pdf-lib, for what the fixtures lack: XMP, and a placeholder title.
  async function makePdf(options: { title: string; xmp?: string; lines: Array<[string, number]> }) {
    const { PDFDocument, PDFName, StandardFonts } = await import("pdf-lib");
    const pdf = await PDFDocument.create();
    pdf.setTitle(options.title);
    pdf.setCreationDate(new Date("2001-01-01T00:00:00Z"));
    if (options.xmp) {
      const stream = pdf.context.stream(options.xmp, { Type: "Metadata", Subtype: "XML" });
      pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(stream));
    }
    const font = await pdf.embedFont(StandardFonts.TimesRoman);
    const page = pdf.addPage([595, 842]);
    let y = 760;
    for (const [text, size] of options.lines) {
      page.drawText(text, { x: 60, y, size, font });
      y -= size * 2;
    }
    const bytes = await pdf.save();
    return extractDocument({ file: { name: "draft.pdf", type: "application/pdf", bytes } });
  }
  const body: Array<[string, number]> = [["A paragraph of body text long enough to be the body of this page.", 11]];

  it("prefers XMP title, creators and publication date", async () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Ledgers of the Coast</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Ilse Marwood</rdf:li><rdf:li>Jonas Brecht</rdf:li></rdf:Seq></dc:creator>
<prism:publicationDate>2019-06</prism:publicationDate>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const document = await makePdf({ title: "Info title", xmp, lines: body });
    expect(document.title).toBe("Ledgers of the Coast");
    expect(document.authors).toEqual(["Ilse Marwood", "Jonas Brecht"]);
    expect(document.published).toEqual({ at: new Date("2019-06-01T00:00:00Z"), precision: "month" });
  });

  it("skips a placeholder title for the first page's heading, byline and date line", async () => {
    const document = await makePdf({
      title: "Microsoft Word - draft7.docx",
      lines: [["The Stone Mark", 22], ["By: Ilse Marwood and Jonas Brecht", 11], ["September 2018", 11], ...body],
    });
    expect(document.title).toBe("The Stone Mark");
    expect(document.authors).toEqual(["Ilse Marwood", "Jonas Brecht"]);
    expect(document.published).toEqual({ at: new Date("2018-09-01T00:00:00Z"), precision: "month" });
  });
});

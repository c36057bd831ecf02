import { getDocumentProxy } from "unpdf";
import { AppError } from "@/lib/errors";
import { readTitlePage } from "./from-text";
import { parsePublishedValue } from "./normalize-text";
import { layoutPages, type LayoutPage, type TextPiece } from "./pdf-layout";
import type { ExtractedSource } from "./types";

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

const BOLD_FONT = /bold|black|heavy|semibold|demi/i;
// Titles that name a file or a tool rather than the work.
const PLACEHOLDER_TITLE =
  /^(untitled|about:blank|microsoft (word|powerpoint) - |document\d*$)|\.(docx?|pdf|indd|rtf|odt|tex|html?)$/i;

// The text layer of a PDF (pdf.js through unpdf) read with positions and
// fonts: paragraphs in reading order (columns, hyphenation, headers and
// footers handled by pdf-layout), one block per paragraph with its page.
// Title, authors and publication date come from the XMP or Info metadata,
// else from the first page (its largest heading, a "By: …" byline, a date
// line). The file's CreationDate is when the file was made (often an export
// years after publication), so it is never taken as the published date.
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedSource> {
  let pdf: PdfDocument;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch {
    throw new AppError("unprocessable", "This PDF could not be read; it may be damaged or encrypted.");
  }
  try {
    const pages: LayoutPage[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) pages.push(await readPage(await pdf.getPage(number)));
    const structure = layoutPages(pages);
    if (!structure.length) {
      throw new AppError(
        "unprocessable",
        "This PDF has no text layer (is it a scan?). Run OCR on it first, then import it again.",
      );
    }
    const declared = await readMetadata(pdf);
    const firstPage = structure.filter((block) => block.page === 1);
    const titlePage = readTitlePage(firstPage.slice(0, 8).map((block) => block.text));
    const firstHeading = firstPage.find((block) => block.type === "heading" && block.level === 1)?.text;
    return {
      text: structure.map((block) => block.text).join("\n\n"),
      structure,
      pageCount: pdf.numPages,
      sourceFormat: "pdf",
      title: declared.title ?? firstHeading,
      authors: declared.authors ?? titlePage.authors,
      published: declared.published ?? titlePage.published,
    };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

async function readPage(page: PdfPage): Promise<LayoutPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  // Font objects (their real names, hence their weight) are loaded with the operator list.
  const fontsLoaded = await page.getOperatorList().then(
    () => true,
    () => false,
  );
  const bold = new Map<string, boolean>();
  const isBold = (fontName: string) => {
    if (!bold.has(fontName)) {
      let font: { name?: string; bold?: boolean; black?: boolean } | null = null;
      try {
        font = fontsLoaded ? page.commonObjs.get(fontName) : null;
      } catch {
        font = null;
      }
      bold.set(fontName, Boolean(font?.bold || font?.black || BOLD_FONT.test(font?.name ?? "")));
    }
    return bold.get(fontName)!;
  };
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    if (!("str" in item) || !item.str) continue;
    const [a, b, c, d, x, y] = item.transform as number[];
    // Rotated or vertical text is skipped: it is almost always a margin note or a stamp.
    if (Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01) continue;
    pieces.push({
      text: item.str,
      x: x!,
      y: y!,
      width: item.width,
      size: Math.abs(d!) || Math.abs(a!),
      bold: isBold(item.fontName),
    });
  }
  page.cleanup();
  return { width: viewport.width, height: viewport.height, pieces };
}

type Declared = { title?: string; authors?: string[]; published?: ReturnType<typeof parsePublishedValue> };

// XMP (Dublin Core, PRISM) first, then the Info dictionary.
async function readMetadata(pdf: PdfDocument): Promise<Declared> {
  const { info, metadata } = await pdf
    .getMetadata()
    .catch(() => ({ info: {} as Record<string, unknown>, metadata: null }));
  const xmp = (name: string): string | undefined => {
    const value: unknown = metadata?.get(name);
    const first = Array.isArray(value) ? value.join("; ") : value;
    return typeof first === "string" && first.trim() ? first.trim() : undefined;
  };
  const field = (name: string) => {
    const value = (info as Record<string, unknown>)[name];
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  const title = [xmp("dc:title"), field("Title")].find((value) => value && !PLACEHOLDER_TITLE.test(value));
  const author = xmp("dc:creator") ?? field("Author");
  // pdf.js keys XMP properties in lower case.
  const published = xmp("prism:publicationdate") ?? xmp("prism:coverdate");
  return {
    title,
    authors: author
      ?.split(/\s*[;,]\s*|\s+and\s+|\s*&\s*/)
      .map((name) => name.trim())
      .filter(Boolean),
    published: parsePublishedValue(published),
  };
}

// Real files built at test time from test texts: a PDF with a text layer and
// a Word document, so importers are tested on genuine formats, not mocks.
import { Document as WordDocument, HeadingLevel, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

export async function makePdf(options: { title: string; author: string; pages: string[][] }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(options.title);
  pdf.setAuthor(options.author);
  pdf.setCreationDate(new Date("2023-09-15T00:00:00Z"));
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (const lines of options.pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, index) => page.drawText(line, { x: 50, y: 790 - index * 18, size: 11, font }));
  }
  return pdf.save();
}

export async function makeDocx(options: { heading: string; paragraphs: string[] }): Promise<Uint8Array> {
  const document = new WordDocument({
    sections: [
      {
        children: [
          new Paragraph({ text: options.heading, heading: HeadingLevel.HEADING_1 }),
          ...options.paragraphs.map((text) => new Paragraph({ text })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

// Breaks a paragraph into lines short enough for one PDF text line each.
export function wrap(text: string, width = 90): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if ((line + " " + word).trim().length > width) {
      lines.push(line);
      line = word;
    } else line = (line + " " + word).trim();
  }
  if (line) lines.push(line);
  return lines;
}

export function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return form;
}

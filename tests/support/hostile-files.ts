// Hostile inputs for tests, generated here (never stored): a zlib stream that inflates to
// `inflatedBytes` zero bytes, built from one compressed block repeated, and a PDF written by
// pdf-lib whose page content is such a stream.
import { constants, crc32, deflateRawSync, inflateSync } from "node:zlib";
import { PDFDocument, PDFName } from "pdf-lib";

const BLOCK = 2 ** 20;

export function zlibBomb(inflatedBytes: number): Uint8Array {
  // After a full flush the compressor forgets its history, so every 1 MiB block of zeros
  // compresses to the same bytes; they are repeated, then a final empty block and Adler-32.
  const block = deflateRawSync(Buffer.alloc(BLOCK), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const count = Math.ceil(inflatedBytes / BLOCK);
  const adler = (((count * BLOCK) % 65521) * 65536 + 1) >>> 0;
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array(count).fill(block), Buffer.from([0x03, 0x00]), trailer]);
}

// Checks the construction on a small bomb (the large ones are never inflated by a test).
export const inflatesTo = (bytes: Uint8Array) => inflateSync(bytes).length;

export async function makePdfBomb(inflatedBytes: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Inflates");
  const page = pdf.addPage([595, 842]);
  const contents = pdf.context.stream(zlibBomb(inflatedBytes), { Filter: "FlateDecode" });
  page.node.set(PDFName.of("Contents"), pdf.context.register(contents));
  return pdf.save({ useObjectStreams: false });
}

// A real Word document (docx.js) whose word/document.xml is swapped, by fflate's zip writer,
// for one that inflates to `inflatedBytes`: its opening, a run of spaces, its close, each
// deflated apart and joined (a full flush lets raw deflate streams follow one another).
// Size and CRC-32 are the true ones, so the archive is valid; only its expansion is hostile.
export async function makeDocxBomb(inflatedBytes: number): Promise<Uint8Array> {
  const { makeDocx } = await import("./fixtures");
  const { Zip, unzipSync } = await import("fflate");
  const entries = unzipSync(await makeDocx({ heading: "Inflates", paragraphs: ["A short paragraph."] }));
  const open = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>',
  );
  const close = Buffer.from("</w:t></w:r></w:p></w:body></w:document>");
  const spaces = Buffer.alloc(BLOCK, 0x20);
  const count = Math.ceil(inflatedBytes / BLOCK);
  let crc = crc32(open);
  for (let index = 0; index < count; index += 1) crc = crc32(spaces, crc);
  crc = crc32(close, crc);
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const deflated = Buffer.concat([flushed(open), ...Array(count).fill(flushed(spaces)), deflateRawSync(close)]);

  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [filename, bytes] of Object.entries(entries)) {
    if (filename === "word/document.xml") {
      const entry = { filename, size: open.length + count * BLOCK + close.length, crc, compression: 8 } as {
        filename: string;
        size: number;
        crc: number;
        compression: number;
        ondata?: (error: Error | null, data: Uint8Array, final: boolean) => void;
      };
      zip.add(entry);
      entry.ondata!(null, deflated, true);
    } else {
      const { ZipPassThrough } = await import("fflate");
      const stored = new ZipPassThrough(filename);
      zip.add(stored);
      stored.push(bytes, true);
    }
  }
  zip.end();
  return Buffer.concat(chunks);
}

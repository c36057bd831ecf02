// Hostile inputs for tests, generated here (never stored): a zlib stream that inflates to
// `inflatedBytes` zero bytes, built from one compressed block repeated, and a PDF written by
// pdf-lib whose page content is such a stream.
import { constants, deflateRawSync, inflateSync } from "node:zlib";
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

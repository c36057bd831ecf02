import { AppError } from "@/lib/errors";

// What a .docx may unpack to: far more than the longest text we import (2 million
// characters) needs in WordprocessingML, far less than the import process's memory.
export const MAX_DOCX_UNPACKED_BYTES = 128 * 1024 * 1024;

// Refuses a zip that declares it unpacks to more than the limit, from its central directory
// alone, before anything is inflated: a tiny file of repeated compressed blocks (a zip bomb)
// is a 413 at once. A zip that understates its sizes still meets the process's memory cap.
export function refuseDocxBomb(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1)
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) return; // not a zip: the reader says so
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let entry = 0; entry < count && at + 46 <= bytes.length; entry += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) return;
    total += view.getUint32(at + 24, true);
    if (total > MAX_DOCX_UNPACKED_BYTES)
      throw new AppError(
        "too_large",
        `This .docx is too large when unpacked (more than ${MAX_DOCX_UNPACKED_BYTES / 2 ** 20} MiB of content).`,
      );
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

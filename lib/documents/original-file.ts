import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/policies/authorize-workspace";
import { withoutBidiControls } from "@/lib/validations/common";
import { authorizeDocument } from "./find-document";
import type { ImportSource } from "./import/extract-document";
import type { SourceFormat } from "./import/types";

const MEDIA_TYPES: Record<SourceFormat, string> = {
  text: "text/plain",
  markdown: "text/markdown",
  html: "text/html",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

// The row that keeps an uploaded file beside the revision made from it (nested in the
// revision's create, so both land in one statement or neither does); nothing for pasted text.
// The media type is the format the file was read as, not what the client claimed.
export function originalOf(source: ImportSource, sourceFormat: SourceFormat) {
  if (!("file" in source)) return undefined;
  const { bytes, name } = source.file;
  return {
    create: {
      bytes: new Uint8Array(bytes),
      mediaType: MEDIA_TYPES[sourceFormat],
      filename: safeFileName(name, sourceFormat),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      size: bytes.byteLength,
    },
  };
}

// A name that is safe in a header and on a disk: no path, no control or bidi characters.
export function safeFileName(name: string, sourceFormat: SourceFormat): string {
  const base = withoutBidiControls(name.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .slice(-200);
  return base || `original.${sourceFormat === "text" ? "txt" : sourceFormat === "markdown" ? "md" : sourceFormat}`;
}

// The original file of a document's current revision, to those who may read the document
// (a revision pasted as text after an upload has none: the old file no longer matches the text).
export async function findOriginalFile(actor: Actor, documentId: string) {
  await authorizeDocument(actor, documentId, "read");
  const revision = await db.document.findUnique({ where: { id: documentId }, select: { version: true } });
  const original = revision
    ? await db.documentOriginal.findFirst({
        where: { revision: { documentId, version: revision.version } },
        select: { bytes: true, mediaType: true, filename: true, sha256: true, size: true },
      })
    : null;
  if (!original) throw new AppError("not_found", "This document has no original file.");
  return original;
}

// Whether a document's current revision has its original file (pages show the Original view then).
export async function hasOriginalFile(documentId: string, version: number): Promise<boolean> {
  return (await db.documentOriginal.count({ where: { revision: { documentId, version } } })) > 0;
}

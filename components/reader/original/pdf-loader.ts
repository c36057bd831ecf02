"use client";

import type { PDFDocumentProxy } from "pdfjs-dist";

type PdfJs = typeof import("pdfjs-dist");

let pdfjs: Promise<PdfJs> | null = null;

// pdf.js is loaded only when a page shows an original, with its worker served by the
// app itself (bundled from the npm package: no CDN, allowed by `worker-src 'self'`).
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import("pdfjs-dist").then((module) => {
    if (!module.GlobalWorkerOptions.workerPort) {
      module.GlobalWorkerOptions.workerPort = new Worker(
        new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url),
        { type: "module" },
      );
    }
    return module;
  });
  return pdfjs;
}

// Opens a PDF from its bytes (this pdf.js never evaluates strings as code; nothing is fetched
// from elsewhere: non-embedded standard fonts are the system's).
export async function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfJs();
  return getDocument({ data: new Uint8Array(bytes), useWorkerFetch: false, useSystemFonts: true }).promise;
}

type OriginalFile = { bytes: Uint8Array; mediaType: string; filename: string; sha256: string; size: number };

// An uploaded file goes back as a download, never rendered in our origin (an HTML
// upload must not run as our page), with a strong ETag from its hash.
export function originalFileResponse(request: Request, file: OriginalFile): Response {
  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    "Cache-Control": "private, no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  const matches = request.headers
    .get("if-none-match")
    ?.split(",")
    .some((tag) => tag.trim().replace(/^W\//, "") === etag);
  if (matches) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", file.mediaType);
  headers.set("Content-Length", String(file.size));
  headers.set("Content-Disposition", contentDisposition(file.filename));
  return new Response(new Uint8Array(file.bytes), { status: 200, headers });
}

// RFC 6266: an ASCII fallback for old clients and the exact name in UTF-8.
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

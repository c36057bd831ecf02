import "server-only";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipped = promisify(gzip);

// Below this a response is sent as it is: gzip would save little and cost a few bytes.
const MIN_BYTES = 1024;

// The app's JSON answers gzipped for clients that accept it (the framework's own compression
// covers pages and scripts, not route handlers' answers). Only JSON answers: downloads
// (exports, original files) and event streams pass untouched, as does anything already
// encoded. COMPRESS=off when a proxy in front compresses.
export async function compressJson(request: Request, response: Response): Promise<Response> {
  if (process.env.COMPRESS === "off") return response;
  if (!/\bgzip\b/.test(request.headers.get("accept-encoding") ?? "")) return response;
  if (!/^application\/(.+\+)?json\b/.test(response.headers.get("content-type") ?? "")) return response;
  // A download (an export, an original file) streams as it is written.
  if (response.headers.has("content-encoding") || response.headers.has("content-disposition") || !response.body)
    return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.append("Vary", "Accept-Encoding");
  if (body.byteLength < MIN_BYTES) return new Response(body, { status: response.status, headers });
  headers.set("Content-Encoding", "gzip");
  headers.delete("Content-Length");
  // Level 1: most of the saving for a fraction of the work; off the event loop (libuv's pool).
  return new Response(new Uint8Array(await gzipped(body, { level: 1 })), { status: response.status, headers });
}

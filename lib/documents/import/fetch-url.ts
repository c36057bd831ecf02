import "server-only";
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES, type UploadedFile } from "./extract-document";

// Fetching an article for import (POST …/documents { url }). The address is the user's, so
// the server must not become their way into the private network: only http(s), every
// address the name resolves to is checked, and the connection goes to the checked address
// (a custom lookup, so a second DNS answer cannot rebind it). Redirects are followed by
// hand, a few at most, each checked again. Private addresses are allowed only when
// URL_IMPORT_ALLOW_PRIVATE is set (by tests that serve pages from 127.0.0.1).

const MAX_REDIRECTS = 5;
const fromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
export const urlImportLimits = () => ({
  timeoutMs: fromEnv("URL_IMPORT_TIMEOUT_MS", 15_000),
  maxBytes: fromEnv("URL_IMPORT_MAX_BYTES", MAX_UPLOAD_BYTES),
});
// "1" allows every private address; a comma-separated list allows just those (tests).
const allowedPrivate = (address: string) => {
  const setting = (process.env.URL_IMPORT_ALLOW_PRIVATE ?? "").trim();
  return setting === "1" || setting.split(",").some((allowed) => allowed.trim() === address);
};
const isRefused = (address: string) => isPrivateAddress(address) && !allowedPrivate(address);

// The media types an imported page may have, and the file name extension that selects its parser.
const EXTENSIONS: Record<string, string> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
  "text/plain": "txt",
  "text/markdown": "md",
};

// Loopback, private, link-local, carrier-grade NAT, multicast, reserved and documentation ranges.
const refused = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  refused.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  refused.addSubnet(network, prefix, "ipv6");

// Whether an address is one a fetch on a user's behalf must never reach.
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return refused.check(address, "ipv4");
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // IPv4-mapped (::ffff:a.b.c.d or ::ffff:xxxx:xxxx) and IPv4-compatible addresses are their IPv4 address.
  const mapped = lower.match(/^(?:0*:)*:?(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const hexMapped = lower.match(/^(?:0*:)*:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (hexMapped) {
    const high = parseInt(hexMapped[1]!, 16);
    const low = parseInt(hexMapped[2]!, 16);
    return isPrivateAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return refused.check(address, "ipv6");
}

const fail = (code: "unprocessable" | "too_large" | "unsupported_media_type", reason: string, message: string) =>
  new AppError(code, message, { url: [message] }, undefined, { reason });

const refusedAddress = (host: string) =>
  fail(
    "unprocessable",
    "refused_address",
    `${host} is a private or local address; only public web pages are imported.`,
  );

// Resolves every address of a name, refuses the lot if any is private, and hands the
// socket the first checked one.
const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, family: options.family }, (error, addresses) => {
    if (error) return callback(error, "", 4);
    const list = addresses as { address: string; family: number }[];
    if (!list.length) return callback(new Error(`No address for ${hostname}`), "", 4);
    if (list.some(({ address }) => isRefused(address)))
      return callback(Object.assign(new Error("refused address"), { code: "EREFUSEDADDRESS" }), "", 4);
    if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

export type FetchedPage = { file: UploadedFile; finalUrl: string };

// Fetches an http(s) URL for import within one overall deadline and size cap.
export async function fetchForImport(address: string): Promise<FetchedPage> {
  const { timeoutMs, maxBytes } = urlImportLimits();
  const deadline = AbortSignal.timeout(timeoutMs);
  let url = parseUrl(address);
  for (let redirects = 0; ; redirects += 1) {
    const response = await request(url, deadline, timeoutMs);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (redirects >= MAX_REDIRECTS)
        throw fail("unprocessable", "too_many_redirects", `${address} redirects more than ${MAX_REDIRECTS} times.`);
      url = parseUrl(new URL(response.headers.location, url).toString());
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw fail("unprocessable", "remote_status", `${url.host} answered ${status} for this address.`);
    }
    const mediaType = (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const extension = EXTENSIONS[mediaType];
    if (!extension) {
      response.resume();
      throw fail(
        "unsupported_media_type",
        "unsupported_type",
        `This address serves ${mediaType || "an unknown type"}; only HTML pages, PDF files and plain text are imported.`,
      );
    }
    const declared = Number(response.headers["content-length"] ?? "0");
    if (declared > maxBytes) {
      response.destroy();
      throw tooLarge(maxBytes);
    }
    const bytes = await readBody(response, maxBytes, deadline, timeoutMs);
    return { file: { name: fileName(url, extension), type: mediaType, bytes }, finalUrl: url.toString() };
  }
}

function parseUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw fail("unprocessable", "invalid_url", "This is not a web address.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw fail("unprocessable", "scheme", "Only http and https addresses are imported.");
  if (url.username || url.password)
    throw fail("unprocessable", "credentials", "Addresses with a user name or password are not imported.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // A literal address never goes through the lookup: check it here.
  if (isIP(host) && isRefused(host)) throw refusedAddress(url.host);
  return url;
}

function request(url: URL, deadline: AbortSignal, timeoutMs: number): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === "https:" ? https.get : http.get;
    const outgoing = get(
      url,
      {
        lookup: checkedLookup,
        // A fresh connection each time: a pooled socket would skip the address check.
        agent: false,
        signal: deadline,
        headers: {
          "user-agent": "Counterpoint URL import (+https://counterpoint.example)",
          accept: "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.1",
          "accept-encoding": "identity",
        },
      },
      resolve,
    );
    outgoing.on("error", (error: NodeJS.ErrnoException) => reject(networkError(error, url, deadline, timeoutMs)));
  });
}

function readBody(
  response: http.IncomingMessage,
  maxBytes: number,
  deadline: AbortSignal,
  timeoutMs: number,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = () => {
      response.destroy();
      reject(timedOut(timeoutMs));
    };
    if (deadline.aborted) return onAbort();
    deadline.addEventListener("abort", onAbort, { once: true });
    response.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        deadline.removeEventListener("abort", onAbort);
        response.destroy();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    response.on("end", () => {
      deadline.removeEventListener("abort", onAbort);
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    response.on("error", (error: NodeJS.ErrnoException) => {
      deadline.removeEventListener("abort", onAbort);
      reject(
        deadline.aborted
          ? timedOut(timeoutMs)
          : fail("unprocessable", "unreachable", `Reading the page failed (${error.code ?? error.message}).`),
      );
    });
  });
}

function networkError(error: NodeJS.ErrnoException, url: URL, deadline: AbortSignal, timeoutMs: number) {
  if (deadline.aborted || error.name === "AbortError" || error.name === "TimeoutError") return timedOut(timeoutMs);
  if (error.code === "EREFUSEDADDRESS") return refusedAddress(url.host);
  if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN")
    return fail("unprocessable", "unreachable", `${url.hostname} could not be found.`);
  return fail("unprocessable", "unreachable", `${url.host} could not be reached (${error.code ?? "network error"}).`);
}

const timedOut = (timeoutMs: number) =>
  fail("unprocessable", "timeout", `The page did not arrive within ${Math.round(timeoutMs / 1000)} seconds.`);
const tooLarge = (maxBytes: number) =>
  fail("too_large", "too_large", `The page is larger than the ${Math.round(maxBytes / 1024 / 1024)} MiB limit.`);

// A file name that selects the parser for the media type the server declared.
function fileName(url: URL, extension: string): string {
  let last = url.pathname.split("/").filter(Boolean).pop() ?? "";
  try {
    last = decodeURIComponent(last);
  } catch {
    // A malformed escape: keep the segment as it is.
  }
  last = last.replace(/[\\/\u0000-\u001f]/g, "").replace(/\.[a-z0-9]+$/i, "");
  return `${(last || url.hostname).slice(0, 100)}.${extension}`;
}

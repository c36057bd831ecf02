import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";

// The HTTP side of the W3C Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/):
// media type, Link headers, ETags, If-Match and the Prefer header. No database here.

export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";
const CONSTRAINED_BY = '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';

export const CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST";
export const PAGE_ALLOW = "GET, HEAD, OPTIONS";
export const ANNOTATION_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE";

// Annotations per AnnotationPage.
export const PAGE_SIZE = 20;

export const PREFER_MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
export const PREFER_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
export const PREFER_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

export type ContainerPreference = "minimal" | "iris" | "descriptions";

// `Prefer: return=representation; include="…"` (space-separated IRIs). Minimal wins over the
// others; IRIs over descriptions; without a preference, descriptions (the protocol's default).
export function parsePrefer(header: string | null): { preference: ContainerPreference; applied: boolean } {
  if (!header || !/return\s*=\s*"?representation/i.test(header)) return { preference: "descriptions", applied: false };
  const include = /include\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /include\s*=\s*(\S+)/i.exec(header)?.[1] ?? "";
  const iris = include.split(/\s+/);
  if (iris.includes(PREFER_MINIMAL)) return { preference: "minimal", applied: true };
  if (iris.includes(PREFER_IRIS)) return { preference: "iris", applied: true };
  return { preference: "descriptions", applied: iris.includes(PREFER_DESCRIPTIONS) };
}

export const entityTag = (...parts: Array<string | number>) =>
  `"${createHash("sha256").update(parts.join("\u0001")).digest("base64url").slice(0, 27)}"`;

// If-Match: absent is allowed (the protocol asks clients to send it, servers need not require it);
// `*` matches any existing annotation; otherwise one of the listed tags must be the current one.
export function checkIfMatch(request: Request, currentTag: string) {
  const header = request.headers.get("if-match");
  if (header === null) return;
  const tags = header.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (tags.includes("*") || tags.includes(currentTag)) return;
  throw new AppError(
    "precondition_failed",
    "This annotation has changed since the ETag you sent (If-Match). GET it again and retry with its new ETag.",
  );
}

type HeaderOptions = { etag?: string; contentLocation?: string; preferenceApplied?: boolean };

export function containerHeaders({ etag, contentLocation, preferenceApplied }: HeaderOptions = {}): HeadersInit {
  return {
    "Content-Type": ANNO_MEDIA_TYPE,
    Link: `<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", ${CONSTRAINED_BY}`,
    Allow: CONTAINER_ALLOW,
    "Accept-Post": `${ANNO_MEDIA_TYPE}, application/ld+json, application/json`,
    Vary: "Accept, Prefer",
    "Cache-Control": "no-store",
    ...(etag ? { ETag: etag } : {}),
    ...(contentLocation ? { "Content-Location": contentLocation } : {}),
    ...(preferenceApplied ? { "Preference-Applied": "return=representation" } : {}),
  };
}

export function pageHeaders({ etag, contentLocation }: HeaderOptions = {}): HeadersInit {
  return {
    "Content-Type": ANNO_MEDIA_TYPE,
    Link: `<http://www.w3.org/ns/ldp#Resource>; rel="type", ${CONSTRAINED_BY}`,
    Allow: PAGE_ALLOW,
    Vary: "Accept",
    "Cache-Control": "no-store",
    ...(etag ? { ETag: etag } : {}),
    ...(contentLocation ? { "Content-Location": contentLocation } : {}),
  };
}

export function annotationHeaders({ etag, contentLocation }: HeaderOptions = {}): HeadersInit {
  return {
    "Content-Type": ANNO_MEDIA_TYPE,
    Link: `<http://www.w3.org/ns/ldp#Resource>; rel="type", <http://www.w3.org/ns/oa#Annotation>; rel="type", ${CONSTRAINED_BY}`,
    Allow: ANNOTATION_ALLOW,
    Vary: "Accept",
    "Cache-Control": "no-store",
    ...(etag ? { ETag: etag } : {}),
    ...(contentLocation ? { "Content-Location": contentLocation } : {}),
  };
}

// The body of a JSON-LD response; HEAD gets the same headers and no body.
export function jsonLdResponse(request: Request, data: unknown, status: number, headers: HeadersInit) {
  return new Response(request.method === "HEAD" ? null : JSON.stringify(data), { status, headers });
}

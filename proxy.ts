import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";
import { REQUEST_PATH_HEADER } from "@/lib/pages/request-path";

// A path whose %-escapes are not UTF-8 (%FF, %C3%28) makes Next fail while decoding
// route params, before any handler runs (500 in production); a NUL (%00) would reach
// PostgreSQL, which cannot store it. Refuse both here as 400.
function hasUndecodablePath(pathname: string) {
  try {
    return decodeURIComponent(pathname).includes("\u0000");
  } catch {
    return true;
  }
}

// A W3C Web Annotation container (lib/w3c): its IRI is the one path that ends in a slash.
const W3C_CONTAINER = /^\/api\/annotations\/[^/]+\/$/;

// Next's own trailing-slash redirect is off (next.config.js) so that the container keeps its
// slash; here it is for every other path (308, as Next does), and the container gets its slash.
function trailingSlashRedirect(request: NextRequest) {
  // From the raw URL: NextURL formats its pathname by the trailingSlash setting.
  const { pathname, search } = new URL(request.url);
  let target: string | null = null;
  if (W3C_CONTAINER.test(`${pathname}/`) && !pathname.endsWith("/")) target = `${pathname}/`;
  else if (pathname.length > 1 && pathname.endsWith("/") && !W3C_CONTAINER.test(pathname))
    target = pathname.replace(/\/+$/, "") || "/";
  if (target === null) return null;
  return NextResponse.redirect(new URL(`${target}${search}`, request.url), 308);
}

// Every page gets a fresh script nonce: Next reads it from the request's policy header
// and puts it on the scripts it renders; the browser runs no other inline script.
export function proxy(request: NextRequest) {
  if (hasUndecodablePath(request.nextUrl.pathname)) {
    const error = { code: "invalid_input", message: "The path is not valid UTF-8 text." };
    return NextResponse.json({ error }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const redirect = trailingSlashRedirect(request);
  if (redirect) return redirect;
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const policy = contentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Pages and the API (for the path check only: the API's own policy is set in
// next.config.js); static files need neither.
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};

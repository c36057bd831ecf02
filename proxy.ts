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

// Every page gets a fresh script nonce: Next reads it from the request's policy header
// and puts it on the scripts it renders; the browser runs no other inline script.
export function proxy(request: NextRequest) {
  if (hasUndecodablePath(request.nextUrl.pathname)) {
    const error = { code: "invalid_input", message: "The path is not valid UTF-8 text." };
    return NextResponse.json({ error }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
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

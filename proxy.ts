import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";
import { REQUEST_PATH_HEADER } from "@/lib/pages/request-path";

// Every page gets a fresh script nonce: Next reads it from the request's policy header
// and puts it on the scripts it renders; the browser runs no other inline script.
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Pages only: the API answers JSON (its own policy is set in next.config.js), static files need none.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};

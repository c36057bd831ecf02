import { AppError } from "@/lib/errors";
import { trustedProxyHops } from "./forwarded";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Cookie-authenticated writes must come from our own pages. Browsers send Origin
// and/or Sec-Fetch-Site on every write; a write with neither is not from a browser
// page of ours (scripts use tokens), and a mismatch is CSRF. Our host is the request's
// Host or NEXTAUTH_URL's; X-Forwarded-Host counts only from a trusted proxy.
export function assertSameOrigin(request: Request) {
  if (!UNSAFE_METHODS.has(request.method)) return;
  const refused = () => new AppError("forbidden", "Cross-site request refused.");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") throw refused();
  const origin = request.headers.get("origin");
  if (origin === null) {
    if (fetchSite === null) throw refused();
    return;
  }
  const hosts = new Set([request.headers.get("host")]);
  if (trustedProxyHops()) hosts.add(request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? null);
  if (process.env.NEXTAUTH_URL) hosts.add(new URL(process.env.NEXTAUTH_URL).host);
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw refused();
  }
  if (!hosts.has(originHost)) throw refused();
}

// Where to go after signing in: a path on this site, never another origin. Refuses
// "//host", "/\host", absolute URLs, control characters, and the same tricks
// percent-encoded (browsers and frameworks decode them at different steps).
const BASE = "http://counterpoint.invalid";
const DEFAULT_DESTINATION = "/workspaces";

function isLocalPath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    return new URL(value, BASE).origin === BASE;
  } catch {
    return false;
  }
}

export function safeCallbackPath(value: string | null | undefined, fallback = DEFAULT_DESTINATION): string {
  if (!value || value.length > 2000) return fallback;
  let decoded = value;
  for (let round = 0; round < 3; round += 1) {
    if (!isLocalPath(decoded)) return fallback;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) return value;
    decoded = next;
  }
  return fallback;
}

// next-auth hands absolute URLs on our own origin too.
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
  return `${baseUrl}${safeCallbackPath(path)}`;
}

export const signInPath = (callbackPath: string) =>
  `/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackPath))}`;

import "server-only";
import { headers } from "next/headers";

// Whether this render is a document load (HTML with the framework's hydration data in it),
// not the framework's own fetch of the page's payload (a client-side navigation, a refresh
// or a prefetch). Pages use it to send a large piece of HTML once: in the document's HTML,
// and not again as a prop in its hydration data.
export async function isDocumentRequest(): Promise<boolean> {
  return isDocumentLoad(await headers());
}

// Browsers say what a request is for (Sec-Fetch-Dest): "document" (or "iframe") for a page
// load, "empty" for a script's fetch, which is how the framework asks for a payload. A client
// that does not say (curl, a script, an older browser) is sent the document whole: one that
// wanted the payload finds the text missing from it and fetches it (components/reader/reader-text.tsx).
export function isDocumentLoad(requestHeaders: Pick<Headers, "get">): boolean {
  const destination = requestHeaders.get("sec-fetch-dest");
  if (destination) return destination === "document" || destination === "iframe";
  return true;
}

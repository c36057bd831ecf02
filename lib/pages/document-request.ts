import "server-only";
import { headers } from "next/headers";

// Whether this render is a browser loading the page as a document (its HTML with the
// framework's hydration data in it), not a client-side navigation or refresh (the
// framework's own payload only, fetched by the page's script). Browsers ask for a
// document with Accept: text/html; the framework's fetches accept anything (*/*).
// Pages use it to send a large piece of HTML once: in the document's HTML, and not again
// as a prop in its hydration data.
export async function isDocumentRequest(): Promise<boolean> {
  return ((await headers()).get("accept") ?? "").includes("text/html");
}

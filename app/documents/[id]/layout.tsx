import { loadDocumentForPage } from "@/lib/reader/load-reader";

// Authorizes outside the loading boundary, so a document the visitor may not
// read answers a real 404 status rather than a streamed page.
export default async function DocumentLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  await loadDocumentForPage(id);
  return children;
}

import { loadDocumentForPage } from "@/lib/reader/load-reader";

// Authorizes every page under /documents/{id} before anything is sent, so a
// document the visitor may not read answers a real 404 status.
export default async function DocumentLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await loadDocumentForPage(id);
  return children;
}

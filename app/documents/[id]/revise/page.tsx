import { ReaderLink } from "@/components/reader/reader-link";
import { ReviseDocumentForm } from "@/components/documents/revise-document-form";
import { documentText } from "@/lib/documents/find-document";
import { loadEditableDocumentForPage } from "@/lib/reader/load-reader";

export const metadata = { title: "Upload a new version" };

export default async function ReviseDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { document } = await loadEditableDocumentForPage(id);
  return (
    <div className="space-y-4">
      <ReaderLink href={`/documents/${id}`} className="text-sm text-stone-500 hover:underline">
        ← {document.title}
      </ReaderLink>
      <h1 className="text-2xl font-semibold">New version of “{document.title}”</h1>
      <p className="max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        Annotations follow their passages into the new text. Passages that were edited are re-anchored and marked for
        checking; passages that were deleted leave their annotations as orphans, listed with the original quote. Nothing
        is lost.
      </p>
      <ReviseDocumentForm documentId={id} version={document.version} text={await documentText(document)} />
    </div>
  );
}

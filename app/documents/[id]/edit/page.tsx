import { ReaderLink } from "@/components/reader/reader-link";
import { EditDocumentForm } from "@/components/documents/edit-document-form";
import { publishedInputValue } from "@/lib/documents/published-date";
import { loadEditableDocumentForPage } from "@/lib/reader/load-reader";

export const metadata = { title: "Edit document details" };

export default async function EditDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { document } = await loadEditableDocumentForPage(id);
  return (
    <div className="space-y-4">
      <ReaderLink href={`/documents/${id}`} className="text-sm text-stone-500 hover:underline">
        ← {document.title}
      </ReaderLink>
      <h1 className="text-2xl font-semibold">Edit details</h1>
      <EditDocumentForm
        documentId={id}
        workspaceId={document.workspaceId}
        metadataVersion={document.metadataVersion}
        defaults={{
          title: document.title,
          authors: document.authors,
          sourceUrl: document.sourceUrl,
          publishedAt: document.publishedAt
            ? publishedInputValue(document.publishedAt, document.publishedPrecision)
            : null,
        }}
      />
    </div>
  );
}

import { signInOrNotFound } from "@/lib/pages/or-not-found";
import { HypothesisImport } from "@/components/documents/hypothesis-import";
import { ImportForm } from "@/components/documents/import-form";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Import a document" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { abilities } = await loadWorkspaceForPage(id);
  if (!abilities.canImport) await signInOrNotFound();
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Import a document</h2>
      <p className="max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        The text is extracted once and becomes the canonical text that annotations point into. Curly quotes, dashes and
        non-Latin scripts are kept exactly. Title, authors and date are detected from the file where it declares them;
        anything you fill in below wins.
      </p>
      <ImportForm workspaceId={id} />
      <HypothesisImport workspaceId={id} />
    </div>
  );
}

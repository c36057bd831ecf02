import Link from "next/link";
import { MarkdownHtml } from "@/components/ui/markdown-html";
import { ExportMenu } from "@/components/exports/export-menu";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listFeaturedThreads } from "@/lib/annotations/annotation-services";
import { listDocuments } from "@/lib/documents/list-documents";
import { formatPublished } from "@/lib/documents/published-date";
import { loadWorkspaceForPage } from "./workspace-access";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { workspace } = await loadWorkspaceForPage(id);
  return { title: workspace.name };
}

export default async function WorkspaceHomePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, abilities } = await loadWorkspaceForPage(id);
  const [{ items }, featured] = await Promise.all([
    listDocuments(user, id, { limit: 200 }),
    listFeaturedThreads(user, id),
  ]);
  const importLink = abilities.canImport ? (
    <Link href={`/workspaces/${id}/import`} className={buttonClass()}>
      Import document
    </Link>
  ) : null;
  if (items.length === 0) {
    return (
      <EmptyState title="No documents yet" action={importLink}>
        {abilities.canImport
          ? "Import a policy article or report (text, Markdown, HTML, PDF or Word) to start annotating."
          : "When researchers import documents, they will appear here."}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-8">
      {featured.length ? (
        <section aria-labelledby="featured-heading">
          <h2 id="featured-heading" className="mb-3 text-sm font-semibold text-stone-600 dark:text-stone-400">
            Featured threads
          </h2>
          <ul className="grid gap-3 md:grid-cols-2" data-testid="featured-threads">
            {featured.map((thread) => (
              <li
                key={thread.id}
                className="rounded-xl border border-accent-100 bg-white p-4 dark:border-accent-700 dark:bg-stone-900"
              >
                <Link
                  href={`/documents/${thread.documentId}#annotation-${thread.id}`}
                  className="block hover:underline"
                >
                  <blockquote className="line-clamp-3 font-serif text-stone-800 italic dark:text-stone-200">
                    “{thread.quote}”
                  </blockquote>
                </Link>
                <p className="mt-1 text-xs text-stone-500">
                  {thread.documentTitle} · {thread.replyCount === 1 ? "1 reply" : `${thread.replyCount} replies`}
                </p>
                {thread.resolution ? (
                  <div className="mt-2 text-sm text-emerald-800 dark:text-emerald-300">
                    <p className="font-semibold">Resolved{thread.resolution.summary.trim() ? ":" : ""}</p>
                    <MarkdownHtml html={thread.resolution.summaryHtml} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="documents-heading">
        <div className="mb-4 flex items-center justify-between gap-4">
          <h2 id="documents-heading" className="text-sm font-semibold text-stone-600 dark:text-stone-400">
            {items.length} {items.length === 1 ? "document" : "documents"}
          </h2>
          <div className="flex gap-2">
            {abilities.canExport ? (
              <ExportMenu workspaceId={id} scope={{ kind: "workspace", id }} signedIn={Boolean(user)} />
            ) : null}
            {importLink}
          </div>
        </div>
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {items.map((document) => (
            <li key={document.id} className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 px-5 py-4">
              <div className="min-w-0">
                <Link href={`/documents/${document.id}`} className="font-serif text-lg font-medium hover:underline">
                  {document.title}
                </Link>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {document.authors.length ? document.authors.join(", ") : "Unknown author"}
                  {document.publishedAt
                    ? ` · ${formatPublished(document.publishedAt, document.publishedPrecision)}`
                    : ""}
                </p>
              </div>
              <p className="text-sm text-stone-500">
                {document.annotationCount} {document.annotationCount === 1 ? "annotation" : "annotations"}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

import Link from "next/link";
import { ReaderLink } from "@/components/reader/reader-link";
import { MarkdownHtml } from "@/components/ui/markdown-html";
import { ExportMenu } from "@/components/exports/export-menu";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listFeaturedThreads } from "@/lib/annotations/annotation-services";
import { DocumentListFilters } from "@/components/documents/document-list-filters";
import { PageLinks } from "@/components/documents/page-links";
import { listDocumentAuthors, listDocuments } from "@/lib/documents/list-documents";
import { formatPublished } from "@/lib/documents/published-date";
import { listDocumentsSchema, type ListDocumentsQuery } from "@/lib/validations/document";
import { loadWorkspaceForPage } from "./workspace-access";

const PAGE_SIZE = 50;
const FILTER_KEYS = ["sort", "format", "author", "from", "to", "discussed"] as const;
type RawParams = Record<string, string | string[] | undefined>;

// The list's URL parameters: its order and filters (anything invalid falls back to the
// default), and the page number.
function readListParams(params: RawParams) {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first?.trim()) raw[key] = first.trim();
  }
  const parsed = listDocumentsSchema.safeParse(raw);
  const query: ListDocumentsQuery = parsed.success ? parsed.data : listDocumentsSchema.parse({});
  const pageParam = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  const page = Number.isInteger(pageParam) && pageParam > 1 && pageParam < 100_000 ? pageParam : 1;
  const isFiltered = Object.keys(raw).some((key) => key !== "sort");
  return { query, raw: parsed.success ? raw : {}, page, isFiltered };
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { workspace } = await loadWorkspaceForPage(id);
  return { title: workspace.name };
}

export default async function WorkspaceHomePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawParams>;
}) {
  const { id } = await params;
  const { user, abilities } = await loadWorkspaceForPage(id);
  const { query, raw, page, isFiltered } = readListParams(await searchParams);
  const [{ items, total }, featured, authors] = await Promise.all([
    listDocuments(user, id, { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    listFeaturedThreads(user, id),
    listDocumentAuthors(id),
  ]);
  const path = `/workspaces/${id}`;
  const hrefFor = (target: number) => {
    const search = new URLSearchParams({ ...raw, ...(target > 1 ? { page: String(target) } : {}) }).toString();
    return search ? `${path}?${search}` : path;
  };
  const importLink = abilities.canImport ? (
    <Link href={`/workspaces/${id}/import`} className={buttonClass()}>
      Import document
    </Link>
  ) : null;
  if (total === 0 && !isFiltered) {
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
                <ReaderLink
                  href={`/documents/${thread.documentId}#annotation-${thread.id}`}
                  className="block hover:underline"
                >
                  <blockquote className="line-clamp-3 font-serif text-stone-800 italic dark:text-stone-200">
                    “{thread.quote}”
                  </blockquote>
                </ReaderLink>
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
            {total.toLocaleString("en")} {total === 1 ? "document" : "documents"}
            {isFiltered ? " match" : ""}
          </h2>
          <div className="flex gap-2">
            {abilities.canExport ? (
              <ExportMenu workspaceId={id} scope={{ kind: "workspace", id }} signedIn={Boolean(user)} />
            ) : null}
            {importLink}
          </div>
        </div>
        <div className="mb-4">
          <DocumentListFilters path={path} query={query} authors={authors} isFiltered={isFiltered} />
        </div>
        {items.length === 0 ? (
          <p className="rounded-xl border border-dashed border-stone-300 px-5 py-8 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
            {total === 0 ? "No documents match these filters." : "There is no such page."}{" "}
            <Link href={path} className="text-accent-700 underline dark:text-accent-300">
              Show all documents
            </Link>
          </p>
        ) : null}
        {items.length ? (
          <ul className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
            {items.map((document) => (
              <li key={document.id} className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 px-5 py-4">
                <div className="min-w-0">
                  <ReaderLink
                    href={`/documents/${document.id}`}
                    className="font-serif text-lg font-medium hover:underline"
                  >
                    {document.title}
                  </ReaderLink>
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
        ) : null}
        <div className="mt-4">
          <PageLinks page={page} pageSize={PAGE_SIZE} total={total} hrefFor={hrefFor} label="Document pages" />
        </div>
      </section>
    </div>
  );
}

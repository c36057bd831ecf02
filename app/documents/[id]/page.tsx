import Link from "next/link";
import { redirect } from "next/navigation";
import { DocumentOutline } from "@/components/reader/document-outline";
import { LazyDocumentReader } from "@/components/reader/lazy-document-reader";
import { ReaderText } from "@/components/reader/reader-text";
import { ViewToggle } from "@/components/reader/view-toggle";
import { SearchMatch } from "@/components/reader/search-match";
import { ExportMenu } from "@/components/exports/export-menu";
import { FollowButton } from "@/components/notifications/follow-button";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { hasOriginalFile } from "@/lib/documents/original-file";
import { isDocumentRequest } from "@/lib/pages/document-request";
import { formatPublished } from "@/lib/documents/published-date";
import { loadDocumentForPage, loadReader } from "@/lib/reader/load-reader";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { document } = await loadDocumentForPage(id);
  return { title: document.title };
}

// The text with its highlights is server-rendered HTML (it paints before any
// script runs); DocumentReader attaches the interactive layer beside it and
// loads the annotation cards from the API after the first paint. A PDF kept as
// uploaded can also be read in its own layout (?view=original, drawn in the browser).
export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ view?: string | string[] }>;
}) {
  const { id } = await params;
  // A web source has no text to read: its passages are on the workspace's web sources page.
  const { document: found } = await loadDocumentForPage(id);
  if (found.kind === "webSource") redirect(`/workspaces/${found.workspaceId}/web-sources`);
  const { user, workspace, abilities, canEdit, document, text, outline, pageCount, highlightsKey } =
    await loadReader(id);
  // The marked text goes out once: in the HTML of a document load, in the payload of a navigation.
  const sendsText = !(await isDocumentRequest());
  const hasOriginal = document.sourceFormat === "pdf" && (await hasOriginalFile(document.id, document.version));
  const view = hasOriginal && (await searchParams).view === "original" ? "original" : "text";
  return (
    <div>
      <header className="mb-8 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0 max-w-[68ch]">
          <h1 className="font-serif text-3xl font-semibold tracking-tight text-balance">{document.title}</h1>
          <p className="mt-2 text-stone-600 dark:text-stone-400">
            {document.authors.length ? document.authors.join(", ") : "Unknown author"}
            {document.publishedAt
              ? ` · ${formatPublished(document.publishedAt, document.publishedPrecision ?? "day")}`
              : ""}
            {document.sourceUrl ? (
              <>
                {" · "}
                <a
                  href={document.sourceUrl}
                  rel="noopener noreferrer nofollow"
                  target="_blank"
                  className="underline hover:text-stone-900 dark:hover:text-white"
                >
                  Source
                </a>
              </>
            ) : null}
          </p>
          <p className="mt-1 flex flex-wrap gap-2 text-xs text-stone-500">
            <Badge>Version {document.version}</Badge>
            <Badge>{document.sourceFormat.toUpperCase()}</Badge>
            <span>{document.length.toLocaleString("en")} characters</span>
            {user ? <FollowButton targetType="document" targetId={document.id} /> : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link
            href={`/workspaces/${workspace.id}/compare?left=${document.id}`}
            prefetch={false}
            className={buttonClass("secondary")}
          >
            Compare with…
          </Link>
          {abilities.canExport ? (
            <ExportMenu
              workspaceId={workspace.id}
              scope={{ kind: "document", id: document.id }}
              signedIn={Boolean(user)}
            />
          ) : null}
          {canEdit ? (
            <>
              <Link href={`/documents/${document.id}/edit`} prefetch={false} className={buttonClass("secondary")}>
                Edit details
              </Link>
              <Link href={`/documents/${document.id}/revise`} prefetch={false} className={buttonClass("secondary")}>
                Upload new version
              </Link>
            </>
          ) : null}
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_auto_22rem]">
        {view === "original" ? (
          <div className="w-full min-w-0" data-testid="reader">
            <ViewToggle documentId={document.id} view={view} />
            {/* The interactive layer draws the pages here. */}
            <div data-reader-text data-view="original" />
          </div>
        ) : (
          <div className="mx-auto w-full max-w-[68ch]" data-testid="reader">
            {hasOriginal ? <ViewToggle documentId={document.id} view={view} /> : null}
            <DocumentOutline entries={outline} pageCount={pageCount} />
            <ReaderText documentId={document.id} textKey={text.key} text={sendsText ? text : undefined} />
            <SearchMatch />
          </div>
        )}
        <LazyDocumentReader
          documentId={document.id}
          documentLength={document.length}
          highlightsKey={highlightsKey}
          workspaceId={workspace.id}
          userId={user?.id ?? null}
          canAnnotate={abilities.canAnnotate}
          canReply={abilities.canReply}
          canLink={abilities.canLink}
          canFlag={abilities.canFlag}
          canModerate={abilities.canModerate}
          isOriginalView={view === "original"}
        />
      </div>
    </div>
  );
}

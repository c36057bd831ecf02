import Link from "next/link";
import { ReaderLink } from "@/components/reader/reader-link";
import { EmptyState } from "@/components/ui/empty-state";
import type { SearchResults as Results } from "@/lib/search/search";
import { STANCE_LABEL, type Stance } from "@/components/debate/vocabulary";

const markClass = "[&_mark]:rounded-sm [&_mark]:bg-yellow-200 [&_mark]:text-inherit dark:[&_mark]:bg-yellow-700/60";
const cardClass = "rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";

// Search hits in three groups. Snippets are escaped plain text in which only <mark> is
// markup (lib/search/snippets.ts), so they are safe to insert.
export function SearchResultList({
  results,
  showWorkspace,
  pageHref,
}: {
  results: Results;
  showWorkspace: boolean;
  pageHref: (cursor: string) => string;
}) {
  const total = results.documents.length + results.annotations.length + results.replies.length;
  if (!total) return <EmptyState title="Nothing found">Try fewer or different words, or remove a filter.</EmptyState>;
  return (
    <div className="space-y-8">
      <div className="grid gap-8 lg:grid-cols-3">
        <ResultGroup
          id="document-results"
          title="Documents"
          count={results.documents.length}
          total={results.counts.documents}
        >
          {results.documents.map((hit) => (
            <li key={hit.id} className={cardClass}>
              <ReaderLink
                href={`/documents/${hit.id}${hit.match ? `?match=${hit.match.start}-${hit.match.end}` : ""}`}
                className={`font-serif text-lg font-medium hover:underline ${markClass}`}
                dangerouslySetInnerHTML={{ __html: hit.titleHtml }}
              />
              <Byline workspace={showWorkspace ? hit.workspace.name : null} detail={hit.authors.join(", ")} />
              <p
                className={`mt-2 font-serif text-sm text-stone-700 dark:text-stone-300 ${markClass}`}
                dangerouslySetInnerHTML={{ __html: hit.snippetHtml }}
              />
            </li>
          ))}
        </ResultGroup>
        <ResultGroup
          id="annotation-results"
          title="Passages and comments"
          count={results.annotations.length}
          total={results.counts.annotations}
        >
          {results.annotations.map((hit) => (
            <li key={hit.id} className={cardClass}>
              <ReaderLink
                href={`/documents/${hit.documentId}#annotation-${hit.id}`}
                className="text-sm font-medium hover:underline"
              >
                {hit.creator.name} on “{hit.documentTitle}”
              </ReaderLink>
              <Byline
                workspace={showWorkspace ? hit.workspace.name : null}
                detail={hit.status === "visible" ? "" : hit.status === "pending" ? "Awaiting approval" : "Hidden"}
              />
              <blockquote
                className={`mt-1 line-clamp-3 border-l-2 border-stone-300 pl-2 font-serif text-sm text-stone-700 italic dark:border-stone-600 dark:text-stone-300 ${markClass}`}
                dangerouslySetInnerHTML={{ __html: hit.quoteHtml }}
              />
              {hit.snippetHtml ? (
                <p className={`mt-2 text-sm ${markClass}`} dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
              ) : null}
              {hit.tags.length ? (
                <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                  {hit.tags.map((tag) => `#${tag}`).join(" ")}
                </p>
              ) : null}
            </li>
          ))}
        </ResultGroup>
        <ResultGroup id="reply-results" title="Replies" count={results.replies.length} total={results.counts.replies}>
          {results.replies.map((hit) => (
            <li key={hit.id} className={cardClass}>
              <ReaderLink
                href={`/documents/${hit.documentId}#annotation-${hit.passageId}`}
                className="text-sm font-medium hover:underline"
              >
                {hit.author.name} {(STANCE_LABEL[hit.stance as Stance] ?? hit.stance).toLowerCase()} in “
                {hit.documentTitle}”
              </ReaderLink>
              <Byline
                workspace={showWorkspace ? hit.workspace.name : null}
                detail={hit.thread.kind === "link" ? "In a link's thread" : ""}
              />
              <p className={`mt-2 text-sm ${markClass}`} dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            </li>
          ))}
        </ResultGroup>
      </div>
      {results.nextCursor ? (
        <nav aria-label="More results" className="text-center">
          <Link
            href={pageHref(results.nextCursor)}
            className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-300"
          >
            More results →
          </Link>
        </nav>
      ) : null}
    </div>
  );
}

// The heading counts every match, not just this page's; a count that stopped at the cap
// (common words) is a lower bound and says so.
function ResultGroup({
  id,
  title,
  count,
  total,
  children,
}: {
  id: string;
  title: string;
  count: number;
  total: Results["counts"]["documents"];
  children: React.ReactNode;
}) {
  const shown = total.count.toLocaleString("en");
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-sm font-semibold text-stone-700 dark:text-stone-300">
        {title}{" "}
        {total.isEstimate ? (
          <span title={`At least ${shown}: counting stops early when a word is everywhere`}>(about {shown}+)</span>
        ) : (
          <>({shown})</>
        )}
      </h2>
      {count ? (
        <ol className="space-y-3" data-testid={id}>
          {children}
        </ol>
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">{total.count ? "None on this page." : "None."}</p>
      )}
    </section>
  );
}

function Byline({ workspace, detail }: { workspace: string | null; detail: string }) {
  const parts = [workspace, detail].filter(Boolean);
  return parts.length ? <p className="text-xs text-stone-600 dark:text-stone-400">{parts.join(" · ")}</p> : null;
}

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { inputClass } from "@/components/ui/field";
import { listWorkspaceTags } from "@/lib/annotations/annotation-services";
import { db } from "@/lib/db";
import { searchWorkspace } from "@/lib/search/search-workspace";
import { searchQuerySchema } from "@/lib/validations/annotation";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Search" };

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { user } = await loadWorkspaceForPage(id);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [
      key,
      Array.isArray(value) ? value[0] : value || undefined,
    ]),
  );
  const parsed = searchQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : searchQuerySchema.parse({});
  const hasQuery = Boolean(query.q || query.tag || query.author);
  const [results, tags, authors] = await Promise.all([
    hasQuery ? searchWorkspace(user, id, query) : null,
    listWorkspaceTags(id),
    db.user.findMany({
      where: { annotations: { some: { workspaceId: id, deletedAt: null } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const selectClass =
    "rounded-md border border-stone-300 bg-white px-2 py-2 text-sm dark:border-stone-700 dark:bg-stone-900";
  return (
    <div className="space-y-6">
      <form role="search" className="flex flex-wrap items-end gap-2" action={`/workspaces/${id}/search`}>
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="sr-only">
            Search words
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder='Search documents and annotations — words, "a phrase", -exclude'
            className={inputClass}
            autoFocus
          />
        </div>
        <FilterSelect
          name="tag"
          label="Tag"
          anyLabel="Any tag"
          defaultValue={query.tag ?? ""}
          className={selectClass}
          options={tags.map((tag) => [tag, `#${tag}`] as const)}
        />
        <FilterSelect
          name="author"
          label="Annotation author"
          anyLabel="Anyone"
          defaultValue={query.author ?? ""}
          className={selectClass}
          options={authors.map((author) => [author.id, author.name] as const)}
        />
        <button type="submit" className={buttonClass()}>
          Search
        </button>
      </form>
      {!results ? (
        <EmptyState title="Search this workspace">
          Find documents by their words, and annotations by their comments, quotes and tags. Results are ranked;
          matching words are highlighted.
        </EmptyState>
      ) : results.documents.length + results.annotations.length === 0 ? (
        <EmptyState title="Nothing found">Try fewer or different words, or remove a filter.</EmptyState>
      ) : (
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="document-results">
            <h2 id="document-results" className="mb-3 text-sm font-semibold text-stone-600 dark:text-stone-400">
              Documents ({results.documents.length})
            </h2>
            <ol className="space-y-3" data-testid="document-results">
              {results.documents.map((hit) => (
                <li
                  key={hit.id}
                  className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
                >
                  <Link href={`/documents/${hit.id}`} className="font-serif text-lg font-medium hover:underline">
                    {hit.title}
                  </Link>
                  {hit.authors.length ? <p className="text-xs text-stone-500">{hit.authors.join(", ")}</p> : null}
                  <p
                    className="mt-2 font-serif text-sm text-stone-700 dark:text-stone-300 [&_mark]:bg-yellow-200 dark:[&_mark]:bg-yellow-700/60 [&_mark]:text-inherit"
                    dangerouslySetInnerHTML={{ __html: hit.snippetHtml }}
                  />
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="annotation-results">
            <h2 id="annotation-results" className="mb-3 text-sm font-semibold text-stone-600 dark:text-stone-400">
              Annotations ({results.annotations.length})
            </h2>
            <ol className="space-y-3" data-testid="annotation-results">
              {results.annotations.map((hit) => (
                <li
                  key={hit.id}
                  className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
                >
                  <Link
                    href={`/documents/${hit.documentId}#annotation-${hit.id}`}
                    className="text-sm font-medium hover:underline"
                  >
                    {hit.creator.name} on “{hit.documentTitle}”
                  </Link>
                  <blockquote className="mt-1 line-clamp-2 border-l-2 border-stone-300 pl-2 font-serif text-sm text-stone-600 italic dark:text-stone-400">
                    {hit.quote}
                  </blockquote>
                  <p
                    className="mt-2 text-sm [&_mark]:bg-yellow-200 dark:[&_mark]:bg-yellow-700/60 [&_mark]:text-inherit"
                    dangerouslySetInnerHTML={{ __html: hit.snippetHtml }}
                  />
                  {hit.tags.length ? (
                    <p className="mt-1 text-xs text-stone-500">{hit.tags.map((tag) => `#${tag}`).join(" ")}</p>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </div>
  );
}

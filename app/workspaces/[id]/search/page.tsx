import { SearchBox, searchFilterClass } from "@/components/search/search-box";
import { SearchResultList } from "@/components/search/search-results";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { listWorkspaceAuthors, listWorkspaceTags } from "@/lib/annotations/annotation-services";
import { searchWorkspace } from "@/lib/search/search";
import { readSearchParams, searchPageHref } from "@/lib/search/search-page-params";
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
  const { query, raw } = readSearchParams(await searchParams);
  const hasQuery = Boolean(query.q.trim() || query.tag || query.author);
  const [results, tags, authors] = await Promise.all([
    hasQuery ? searchWorkspace(user, id, query) : null,
    listWorkspaceTags(user, id),
    listWorkspaceAuthors(user, id),
  ]);
  return (
    <div className="space-y-6">
      <SearchBox placeholder='Search documents, passages and replies — words, "a phrase", -exclude'>
        <FilterSelect
          name="tag"
          label="Tag"
          anyLabel="Any tag"
          defaultValue={query.tag ?? ""}
          className={searchFilterClass}
          options={tags.map((tag) => [tag, `#${tag}`] as const)}
        />
        <FilterSelect
          name="author"
          label="Author"
          anyLabel="Anyone"
          defaultValue={query.author ?? ""}
          className={searchFilterClass}
          options={authors.map((author) => [author.id, author.name] as const)}
        />
      </SearchBox>
      {results ? (
        <SearchResultList
          results={results}
          showWorkspace={false}
          pageHref={(cursor) => searchPageHref(`/workspaces/${id}/search`, raw, cursor)}
        />
      ) : (
        <EmptyState title="Search this workspace">
          Find documents by their words, passages by their quotes, comments and tags, and replies by what they say.
          Results follow as you type; put a phrase in quotes, exclude a word with a minus.
        </EmptyState>
      )}
    </div>
  );
}

import { SearchBox, searchFilterClass } from "@/components/search/search-box";
import { SearchResultList } from "@/components/search/search-results";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { getSessionUser } from "@/lib/auth/current-user";
import { searchEverywhere } from "@/lib/search/search";
import { readSearchParams, searchPageHref } from "@/lib/search/search-page-params";
import { listMyWorkspaces } from "@/lib/workspaces/workspaces";

export const metadata = { title: "Search everywhere" };

// Search across every workspace the visitor may read: their own, and public ones.
export default async function GlobalSearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getSessionUser();
  const { query, raw } = readSearchParams(await searchParams);
  const [results, workspaces] = await Promise.all([
    query.q.trim() ? searchEverywhere(user, query) : null,
    user ? listMyWorkspaces(user, { limit: 200 }).then((page) => page.items) : [],
  ]);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Search everywhere</h1>
      <SearchBox placeholder='Search all your workspaces — words, "a phrase", -exclude'>
        <FilterSelect
          name="workspaceId"
          label="Workspace"
          anyLabel="All workspaces"
          defaultValue={query.workspaceId ?? ""}
          className={searchFilterClass}
          options={workspaces.map((workspace) => [workspace.id, workspace.name] as const)}
        />
      </SearchBox>
      {results ? (
        <SearchResultList
          results={results}
          showWorkspace
          pageHref={(cursor) => searchPageHref("/search", raw, cursor)}
        />
      ) : (
        <EmptyState title="Search every workspace you can read">
          Documents, passages and replies across your workspaces and public ones. Narrow it to one workspace with the
          filter.
        </EmptyState>
      )}
    </div>
  );
}

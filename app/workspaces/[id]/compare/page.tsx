import { CompareView } from "@/components/compare/compare-view";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listDocumentTitles, loadCompare } from "@/lib/reader/load-compare";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Compare" };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await loadWorkspaceForPage(id);
  const query = await searchParams;
  const documents = await listDocumentTitles(id);
  const leftId = one(query.left) ?? documents[0]?.id;
  const rightId = one(query.right) ?? documents.find((document) => document.id !== leftId)?.id;
  const from = one(query.from) ?? null;
  if (!leftId || !rightId) {
    return (
      <EmptyState title="Two documents are needed to compare">
        Import a second document, then put them side by side here with the links between their passages.
      </EmptyState>
    );
  }
  const compared = await loadCompare(id, leftId, rightId);
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-2"
        action={`/workspaces/${id}/compare`}
        aria-label="Choose the documents to compare"
      >
        {from ? <input type="hidden" name="from" value={from} /> : null}
        <DocumentChoice label="Left" name="left" value={leftId} documents={documents} />
        <DocumentChoice label="Right" name="right" value={rightId} documents={documents} />
        <button type="submit" className={buttonClass("secondary")}>
          Compare
        </button>
      </form>
      <CompareView
        key={`${leftId}|${rightId}`}
        workspaceId={id}
        left={compared.left}
        right={compared.right}
        links={compared.links}
        fromAnnotationId={from}
        showSuggestions={query.suggestions === "1"}
        abilities={{
          userId: compared.userId,
          canReply: compared.abilities.canReply,
          canLink: compared.abilities.canLink,
          canFlag: compared.abilities.canFlag,
          canModerate: compared.abilities.canModerate,
        }}
        canAnnotate={compared.abilities.canAnnotate}
      />
    </div>
  );
}

function DocumentChoice({
  label,
  name,
  value,
  documents,
}: {
  label: string;
  name: string;
  value: string;
  documents: { id: string; title: string }[];
}) {
  return (
    <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium">
      {label}
      <select
        name={name}
        defaultValue={value}
        className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-2 text-sm dark:border-stone-700 dark:bg-stone-900"
      >
        {documents.map((document) => (
          <option key={document.id} value={document.id}>
            {document.title}
          </option>
        ))}
      </select>
    </label>
  );
}

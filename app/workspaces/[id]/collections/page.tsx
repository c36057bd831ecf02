import Link from "next/link";
import { CreateCollectionForm } from "@/components/collections/create-collection-form";
import { EmptyState } from "@/components/ui/empty-state";
import { listCollections } from "@/lib/collections/collection-services";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Collections" };

export default async function CollectionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, abilities } = await loadWorkspaceForPage(id);
  const { items } = await listCollections(user, id);
  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        Collections gather the strongest passages, threads and links of this workspace into a report: ordered,
        introduced and annotated by moderators, exported as PDF, HTML, Markdown and more.
      </p>
      {abilities.canModerate ? <CreateCollectionForm workspaceId={id} /> : null}
      {items.length ? (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Collections">
          {items.map((collection) => (
            <li key={collection.id}>
              <Link
                href={`/workspaces/${id}/collections/${collection.id}`}
                className="block rounded-xl border border-stone-200 bg-white p-4 hover:border-accent-400 dark:border-stone-800 dark:bg-stone-900"
              >
                <h2 className="font-serif text-lg font-semibold">{collection.title}</h2>
                <p className="mt-1 text-sm text-stone-500">
                  {collection.itemCount} {collection.itemCount === 1 ? "item" : "items"} · by{" "}
                  {collection.createdBy.name} · updated {collection.updatedAt.slice(0, 10)}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No collections yet">
          {abilities.canModerate
            ? "Create one above, then add the passages and links worth handing on."
            : "Moderators curate collections of the best threads; they will appear here."}
        </EmptyState>
      )}
    </div>
  );
}

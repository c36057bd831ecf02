import { notFound } from "next/navigation";
import Link from "next/link";
import { CollectionHeader } from "@/components/collections/collection-header";
import { CollectionItems } from "@/components/collections/collection-items";
import { CollectionPicker } from "@/components/collections/collection-picker";
import { ExportMenu } from "@/components/exports/export-menu";
import { getCollection } from "@/lib/collections/collection-services";
import { listWorkspaceLinks } from "@/lib/links/link-services";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { orNotFound } from "@/lib/pages/or-not-found";
import { loadWorkspaceForPage } from "../../workspace-access";

export const metadata = { title: "Collection" };

export default async function CollectionPage({ params }: { params: Promise<{ id: string; collectionId: string }> }) {
  const { id, collectionId } = await params;
  const { user, abilities } = await loadWorkspaceForPage(id);
  const collection = await orNotFound(() => getCollection(user, collectionId));
  if (collection.workspaceId !== id) notFound();
  const links = collection.canEdit ? await listWorkspaceLinks(user, id, { limit: 200 }) : [];
  const chosen = collection.items.map((item) => item.targetId);
  return (
    <div className="space-y-6">
      <nav className="text-sm text-stone-500">
        <Link href={`/workspaces/${id}/collections`} className="hover:underline">
          Collections
        </Link>{" "}
        / {collection.title}
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <CollectionHeader
          workspaceId={id}
          collectionId={collection.id}
          title={collection.title}
          description={collection.description}
          descriptionHtml={renderMarkdown(collection.description)}
          canEdit={collection.canEdit}
        />
        {abilities.canExport ? (
          <ExportMenu workspaceId={id} scope={{ kind: "collection", id: collection.id }} signedIn={Boolean(user)} />
        ) : null}
      </div>
      <div className={collection.canEdit ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}>
        <CollectionItems collectionId={collection.id} items={collection.items} canEdit={collection.canEdit} />
        {collection.canEdit ? (
          <CollectionPicker workspaceId={id} collectionId={collection.id} links={links} chosen={chosen} />
        ) : null}
      </div>
    </div>
  );
}

import Link from "next/link";
import { DebateMap } from "@/components/map/debate-map";
import { EmptyState } from "@/components/ui/empty-state";
import { loadDebateMap } from "@/lib/links/debate-map";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Debate map" };

export default async function DebateMapPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ all?: string }>;
}) {
  const { id } = await params;
  const { user } = await loadWorkspaceForPage(id);
  const includeUnlinked = (await searchParams).all === "1";
  const map = await loadDebateMap(user, id, { includeUnlinked });
  if (!map.passages.length) {
    return (
      <EmptyState title="No links yet">
        The map draws passages and the links between them. Open a document, select an annotation and choose “Link to
        another passage”, or put two documents side by side in{" "}
        <Link href={`/workspaces/${id}/compare`} className="underline">
          Compare
        </Link>
        .
      </EmptyState>
    );
  }
  return <DebateMap data={map} includeUnlinked={includeUnlinked} workspaceId={id} />;
}

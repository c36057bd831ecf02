import Link from "next/link";
import { DebateMap } from "@/components/map/debate-map";
import { EmptyState } from "@/components/ui/empty-state";
import { loadMapOverview } from "@/lib/links/map-overview";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Debate map" };

export default async function DebateMapPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ document?: string }>;
}) {
  const { id } = await params;
  const { user } = await loadWorkspaceForPage(id);
  const { document } = await searchParams;
  const overview = await loadMapOverview(user, id);
  if (!overview.clusters.length) {
    return (
      <EmptyState title="No links yet">
        The map draws documents and the links between their passages. Open a document, select an annotation and choose
        “Link to another passage”, or put two documents side by side in{" "}
        <Link href={`/workspaces/${id}/compare`} className="underline">
          Compare
        </Link>
        .
      </EmptyState>
    );
  }
  return (
    <DebateMap
      overview={overview}
      workspaceId={id}
      initialDocumentId={typeof document === "string" && document ? document : undefined}
    />
  );
}

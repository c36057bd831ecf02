import Link from "next/link";
import { compactOverview } from "@/components/map/compact-overview";
import { DebateMap } from "@/components/map/debate-map";
import { EmptyState } from "@/components/ui/empty-state";
import { DEFAULT_CLUSTERS, MAX_CLUSTERS } from "@/lib/links/map-limits";
import { loadMapOverview } from "@/lib/links/map-overview";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Debate map" };

export default async function DebateMapPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ document?: string; clusters?: string }>;
}) {
  const { id } = await params;
  const { user } = await loadWorkspaceForPage(id);
  const { document, clusters } = await searchParams;
  // How many of the most linked documents to draw (the reader may ask for fewer).
  const asked = Math.floor(Number(clusters));
  const maxClusters = asked >= 1 ? Math.min(asked, MAX_CLUSTERS) : DEFAULT_CLUSTERS;
  const overview = await loadMapOverview(user, id, { maxClusters });
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
      overview={compactOverview(overview)}
      workspaceId={id}
      maxClusters={maxClusters}
      initialDocumentId={typeof document === "string" && document ? document : undefined}
    />
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { FilterSelect } from "@/components/ui/filter-select";
import { RelationLegend } from "@/components/debate/relation-legend";
import { RELATION_COLOR, RELATION_LABEL, RELATIONS, type Relation } from "@/components/debate/vocabulary";
import { shortQuote } from "@/lib/text/short-quote";
import { MAX_CLUSTERS, OTHERS_ID } from "@/lib/links/map-limits";
import { ClusterView } from "./cluster-view";
import { expandEdges, type CompactOverview } from "./compact-overview";
import { mergeEdgePairs } from "./merge-edges";
import { MapCanvas, PALETTE, usePrefersDark, type CanvasEdge, type CanvasNode } from "./map-canvas";
import { OverviewTable } from "./overview-table";

// The debate map: first an overview (each document with links is a cluster, every link
// counted on an edge per pair of documents and relation), then, on demand, one cluster opened
// into its passages and their links, fetched from the server. Laid out in a Web Worker.
const MERGE_ABOVE = 300;
export function DebateMap({
  overview,
  workspaceId,
  maxClusters,
  initialDocumentId,
}: {
  overview: CompactOverview;
  workspaceId: string;
  maxClusters: number;
  initialDocumentId?: string;
}) {
  const router = useRouter();
  const [openedId, setOpenedId] = useState<string | null>(initialDocumentId ?? null);
  const [relation, setRelation] = useState("");
  const isDark = usePrefersDark();
  const titles = useMemo(
    () => new Map(overview.clusters.map((cluster) => [cluster.id, cluster.title])),
    [overview.clusters],
  );
  const moreClusters = Math.min(MAX_CLUSTERS, maxClusters * 4);
  const open = useCallback(
    (documentId: string | null) => {
      // The "other documents" cluster opens into more documents drawn one by one.
      if (documentId === OTHERS_ID) {
        router.push(`/workspaces/${workspaceId}/map?clusters=${moreClusters}`);
        return;
      }
      setOpenedId(documentId);
      const url = new URL(window.location.href);
      if (documentId) url.searchParams.set("document", documentId);
      else url.searchParams.delete("document");
      window.history.replaceState(null, "", url);
    },
    [setOpenedId, router, workspaceId, moreClusters],
  );
  useEffect(() => {
    if (!openedId) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !(event.target instanceof HTMLInputElement)) open(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openedId, open]);

  const edges = useMemo(
    () => expandEdges(overview).filter((edge) => !relation || edge.relation === relation),
    [overview, relation],
  );
  const maxLinks = Math.max(1, ...overview.clusters.map((cluster) => cluster.links));
  const nodes = useMemo<CanvasNode[]>(() => {
    const colors = PALETTE[isDark ? "dark" : "light"].clusters;
    return overview.clusters.map((cluster, index) => ({
      id: cluster.id,
      size: 14 + 46 * Math.sqrt(cluster.links / maxLinks),
      label: `${shortQuote(cluster.title, 48)}\n${cluster.links.toLocaleString("en")} link${cluster.links === 1 ? "" : "s"}`,
      color: cluster.kind === "others" ? PALETTE[isDark ? "dark" : "light"].border : colors[index % colors.length],
    }));
  }, [overview.clusters, maxLinks, isDark]);
  // Past a few hundred edges, all relations between two clusters are drawn as one edge.
  const isMerged = !relation && edges.length > MERGE_ABOVE;
  const canvasEdges = useMemo<CanvasEdge[]>(() => {
    const width = (count: number) => 1.5 + 1.5 * Math.log2(count);
    if (isMerged) {
      const color = PALETTE[isDark ? "dark" : "light"].clusters[0]!;
      return mergeEdgePairs(edges).map((edge) => ({
        id: `${edge.from}~${edge.to}`,
        source: edge.from,
        target: edge.to,
        weight: edge.count,
        color,
        width: width(edge.count),
        label: String(edge.count),
      }));
    }
    return edges.map((edge) => ({
      id: `${edge.from}>${edge.to}:${edge.relation}`,
      source: edge.from,
      target: edge.to,
      weight: edge.count,
      color: RELATION_COLOR[edge.relation as Relation],
      width: width(edge.count),
      label: edge.count > 1 ? String(edge.count) : "",
    }));
  }, [edges, isMerged, isDark]);
  const drawnLinks = edges.reduce((sum, edge) => sum + edge.count, 0);

  if (openedId) {
    return (
      <ClusterView
        key={openedId}
        workspaceId={workspaceId}
        documentId={openedId}
        title={titles.get(openedId)}
        onBack={() => open(null)}
        onOpen={open}
      />
    );
  }
  const select =
    "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";
  return (
    <div className="space-y-3" data-testid="map-overview">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
        <FilterSelect
          label="Relation"
          anyLabel="All relations"
          className={select}
          value={relation}
          onChange={(event) => setRelation(event.target.value)}
          options={RELATIONS.map((value) => [value, RELATION_LABEL[value]] as const)}
        />
        <form method="get" action={`/workspaces/${workspaceId}/map`} className="flex items-center gap-1 text-sm">
          <label htmlFor="map-clusters-limit">Draw the</label>
          <input
            id="map-clusters-limit"
            name="clusters"
            type="number"
            min={1}
            max={MAX_CLUSTERS}
            defaultValue={maxClusters}
            className="w-20 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900"
          />
          <span>most linked documents</span>
          <button type="submit" className="rounded-md border border-stone-300 px-2 py-1 dark:border-stone-700">
            Apply
          </button>
        </form>
        <span className="ml-auto text-xs text-stone-500" data-testid="map-counts">
          {overview.totals.documents.toLocaleString("en")} documents · {drawnLinks.toLocaleString("en")} links
        </span>
      </div>
      {overview.others.documents > 0 ? (
        <p
          role="status"
          data-testid="map-notice"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          The {(overview.totals.documents - overview.others.documents).toLocaleString("en")} most linked documents are
          drawn one by one; the other {overview.others.documents.toLocaleString("en")} of{" "}
          {overview.totals.documents.toLocaleString("en")} documents with links are drawn together as one cluster, with
          the {overview.others.links.toLocaleString("en")} of {overview.totals.links.toLocaleString("en")} links that
          touch them. Draw more documents above, or open that cluster.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RelationLegend label="Edge colors" />
        <p className="text-xs text-stone-500" data-testid="map-edge-note">
          {isMerged
            ? "Each circle is a document, sized by its links; at this size each gray edge counts the links of every relation between two documents (choose a relation above to draw its own edges). Click a document (or its Open button below) to see its passages."
            : "Each circle is a document, sized by its links; each edge counts the links of one relation between two documents. Click a document (or its Open button below) to see its passages."}
        </p>
      </div>
      <MapCanvas
        nodes={nodes}
        edges={canvasEdges}
        level="overview"
        // Documents are spaced for their titles, which hang below them (wrapped at 140 px):
        // closer, a title runs under its neighbour. A large overview names them only when
        // zoomed in (and on hover), so it is spread less.
        spacing={overview.clusters.length > 30 ? 140 : 200}
        label={`Debate map overview: ${overview.totals.documents} documents in ${overview.clusters.length} clusters, and ${drawnLinks} links between them. The same are listed below.`}
        onOpen={(node) => open(node.id)}
      />
      <OverviewTable clusters={overview.clusters} edges={edges} titles={titles} onOpen={open} />
    </div>
  );
}

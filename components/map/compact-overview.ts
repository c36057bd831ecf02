import { RELATIONS } from "@/components/debate/vocabulary";
import type { MapEdge, MapOverview } from "@/lib/links/map-overview";

// The overview as the page sends it to the browser: each edge as four numbers (the indexes of
// its clusters and relation, and its count) instead of two ids and a word, so the page stays
// small when a map has thousands of edges.
export type CompactOverview = Omit<MapOverview, "edges"> & { edges: number[] };

export function compactOverview(overview: MapOverview): CompactOverview {
  const index = new Map(overview.clusters.map((cluster, at) => [cluster.id, at]));
  return {
    ...overview,
    edges: overview.edges.flatMap((edge) => [
      index.get(edge.from)!,
      index.get(edge.to)!,
      RELATIONS.indexOf(edge.relation as (typeof RELATIONS)[number]),
      edge.count,
    ]),
  };
}

export function expandEdges(overview: CompactOverview): MapEdge[] {
  const edges: MapEdge[] = [];
  for (let at = 0; at < overview.edges.length; at += 4) {
    const [from, to, relation, count] = overview.edges.slice(at, at + 4) as [number, number, number, number];
    edges.push({
      from: overview.clusters[from]!.id,
      to: overview.clusters[to]!.id,
      relation: RELATIONS[relation]!,
      count,
    });
  }
  return edges;
}

import type { MapEdge } from "@/lib/links/map-overview";

// A large overview draws one edge per pair of clusters, summing every relation in both
// directions (a hundred clusters have up to 800 relation edges to "other documents" alone; each
// drawn edge costs the main thread). Choosing a relation draws that relation's own edges.
export type MergedEdge = { from: string; to: string; count: number };

export function mergeEdgePairs(edges: MapEdge[]): MergedEdge[] {
  const pairs = new Map<string, MergedEdge>();
  for (const edge of edges) {
    const [from, to] = edge.from <= edge.to ? [edge.from, edge.to] : [edge.to, edge.from];
    const key = `${from}\u0000${to}`;
    const pair = pairs.get(key);
    if (pair) pair.count += edge.count;
    else pairs.set(key, { from, to, count: edge.count });
  }
  return [...pairs.values()].sort(
    (a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
}

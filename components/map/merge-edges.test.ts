import { describe, expect, it } from "vitest";
import { mergeEdgePairs } from "./merge-edges";

describe("mergeEdgePairs", () => {
  it("sums every relation in both directions into one edge per pair, losing no link", () => {
    const edges = [
      { from: "a", to: "others", relation: "agrees", count: 3 },
      { from: "others", to: "a", relation: "contradicts", count: 2 },
      { from: "a", to: "b", relation: "qualifies", count: 1 },
      { from: "b", to: "b", relation: "elaborates", count: 4 },
      { from: "b", to: "a", relation: "agrees", count: 1 },
    ];
    const merged = mergeEdgePairs(edges);
    expect(merged).toEqual([
      { from: "a", to: "others", count: 5 },
      { from: "b", to: "b", count: 4 },
      { from: "a", to: "b", count: 2 },
    ]);
    expect(merged.reduce((sum, edge) => sum + edge.count, 0)).toBe(edges.reduce((sum, edge) => sum + edge.count, 0));
  });
});

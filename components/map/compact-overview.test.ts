import { describe, expect, it } from "vitest";
import { compactOverview, expandEdges } from "./compact-overview";

describe("compactOverview", () => {
  it("sends each edge as four numbers and gets the same edges back", () => {
    const overview = {
      clusters: [
        { id: "a", kind: "document" as const, title: "A", links: 3, passages: 2 },
        { id: "others", kind: "others" as const, title: "2 other documents", links: 1, passages: 1 },
      ],
      edges: [
        { from: "a", to: "others", relation: "qualifies", count: 2 },
        { from: "a", to: "a", relation: "contradicts", count: 1 },
      ],
      totals: { documents: 3, links: 3 },
      others: { documents: 2, links: 2 },
    };
    const compact = compactOverview(overview);
    expect(compact.edges).toEqual([0, 1, 2, 2, 0, 0, 0, 1]);
    expect(expandEdges(compact)).toEqual(overview.edges);
  });
});

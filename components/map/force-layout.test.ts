import { describe, expect, it } from "vitest";
import { forceLayout, type LayoutEdge, type LayoutNode } from "./force-layout";

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe("forceLayout", () => {
  it("places every node, the same way every time", () => {
    const nodes: LayoutNode[] = Array.from({ length: 30 }, (_, index) => ({ id: `n${index}` }));
    const edges: LayoutEdge[] = nodes.slice(1).map((node, index) => ({ source: `n${index}`, target: node.id }));
    const first = forceLayout({ nodes, edges });
    expect(Object.keys(first)).toHaveLength(30);
    expect(Object.values(first).every(({ x, y }) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(forceLayout({ nodes, edges })).toEqual(first);
  });

  it("keeps linked nodes closer than unlinked ones, and no two on one spot", () => {
    // Two chains of ten: neighbours in a chain end up nearer than nodes of different chains.
    const nodes: LayoutNode[] = Array.from({ length: 20 }, (_, index) => ({ id: `n${index}` }));
    const edges: LayoutEdge[] = [];
    for (let index = 1; index < 20; index += 1) {
      if (index !== 10) edges.push({ source: `n${index - 1}`, target: `n${index}` });
    }
    const positions = forceLayout({ nodes, edges });
    const linked = edges.map((edge) => distance(positions[edge.source]!, positions[edge.target]!));
    const across: number[] = [];
    for (let a = 0; a < 10; a += 1)
      for (let b = 10; b < 20; b += 1) across.push(distance(positions[`n${a}`]!, positions[`n${b}`]!));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(linked)).toBeLessThan(mean(across));
    const all = Object.values(positions);
    for (let a = 0; a < all.length; a += 1)
      for (let b = a + 1; b < all.length; b += 1) expect(distance(all[a]!, all[b]!)).toBeGreaterThan(5);
  });

  it("pulls the nodes of one group together", () => {
    const nodes: LayoutNode[] = Array.from({ length: 40 }, (_, index) => ({
      id: `n${index}`,
      group: index % 2 ? "odd" : "even",
    }));
    const positions = forceLayout({ nodes, edges: [] });
    const centre = (group: string) => {
      const members = nodes.filter((node) => node.group === group).map((node) => positions[node.id]!);
      return {
        x: members.reduce((s, p) => s + p.x, 0) / members.length,
        y: members.reduce((s, p) => s + p.y, 0) / members.length,
      };
    };
    const odd = centre("odd");
    const even = centre("even");
    const spread = (group: string, at: { x: number; y: number }) =>
      nodes.filter((node) => node.group === group).reduce((sum, node) => sum + distance(positions[node.id]!, at), 0) /
      20;
    // Each group sits around its own centre, tighter than around the other group's.
    expect(spread("odd", odd)).toBeLessThan(spread("odd", even));
    expect(spread("even", even)).toBeLessThan(spread("even", odd));
  });

  it("lays out thousands of clusters with thousands of edges", () => {
    const nodes: LayoutNode[] = Array.from({ length: 3000 }, (_, index) => ({
      id: `n${index}`,
      size: 10 + (index % 40),
    }));
    const edges: LayoutEdge[] = Array.from({ length: 5000 }, (_, index) => ({
      source: `n${(index * 7) % 3000}`,
      target: `n${(index * 13 + 1) % 3000}`,
      weight: 1 + (index % 5),
    }));
    const positions = forceLayout({ nodes, edges });
    expect(Object.keys(positions)).toHaveLength(3000);
  }, 60_000);
});

import { describe, expect, it } from "vitest";
import { fitViewport } from "./fit-viewport";

// Where a model point lands on the screen under a viewport.
const onScreen = (viewport: ReturnType<typeof fitViewport>, x: number, y: number) => ({
  x: x * viewport.zoom + viewport.pan.x,
  y: y * viewport.zoom + viewport.pan.y,
});

describe("fitViewport", () => {
  it("shows every node, with their margins, inside the padded container, centred", () => {
    const nodes = [
      { x: -500, y: 0, size: 20 },
      { x: 500, y: 300, size: 60 },
      { x: 0, y: -200, size: 10 },
    ];
    const margin = { top: 0, right: 0, bottom: 40, left: 0 };
    const viewport = fitViewport({ nodes, width: 800, height: 600, padding: 30, margin });
    const topLeft = onScreen(viewport, -510, -205);
    const bottomRight = onScreen(viewport, 530, 330 + 40);
    expect(topLeft.x).toBeCloseTo(30, 5);
    expect(bottomRight.x).toBeCloseTo(770, 5);
    expect(topLeft.y).toBeGreaterThanOrEqual(30 - 1e-9);
    expect(bottomRight.y).toBeLessThanOrEqual(570 + 1e-9);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(300, 5);
  });

  it("never zooms in past its limit on a small map, and keeps the map centred", () => {
    const viewport = fitViewport({ nodes: [{ x: 10, y: 20, size: 14 }], width: 800, height: 600, maxZoom: 1.2 });
    expect(viewport.zoom).toBe(1.2);
    expect(onScreen(viewport, 10, 20)).toEqual({ x: 400, y: 300 });
  });

  it("answers for an empty map or a container not laid out yet", () => {
    expect(fitViewport({ nodes: [], width: 800, height: 600 })).toEqual({ zoom: 1, pan: { x: 400, y: 300 } });
    expect(fitViewport({ nodes: [{ x: 0, y: 0, size: 10 }], width: 0, height: 0 }).zoom).toBe(1);
  });
});

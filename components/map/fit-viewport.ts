// The zoom and pan that show every node of a laid-out map in its container, computed from the
// positions and sizes alone. Cytoscape's own fit measures every element's rendered style first
// (each edge's curve, each label), which on a map of a thousand edges blocked the main thread
// for half a second before anything was drawn.
export type Viewport = { zoom: number; pan: { x: number; y: number } };

export function fitViewport({
  nodes,
  width,
  height,
  padding = 30,
  margin = { top: 0, right: 0, bottom: 0, left: 0 },
  minZoom = 0.02,
  maxZoom = 1.2,
}: {
  nodes: Array<{ x: number; y: number; size: number }>;
  width: number;
  height: number;
  padding?: number;
  // Room around the nodes for what is drawn outside them (labels below, a group's frame).
  margin?: { top: number; right: number; bottom: number; left: number };
  minZoom?: number;
  maxZoom?: number;
}): Viewport {
  if (!nodes.length || width <= 0 || height <= 0) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y, size } of nodes) {
    left = Math.min(left, x - size / 2);
    right = Math.max(right, x + size / 2);
    top = Math.min(top, y - size / 2);
    bottom = Math.max(bottom, y + size / 2);
  }
  left -= margin.left;
  right += margin.right;
  top -= margin.top;
  bottom += margin.bottom;
  const fits = Math.min(
    (width - 2 * padding) / Math.max(right - left, 1),
    (height - 2 * padding) / Math.max(bottom - top, 1),
  );
  const zoom = Math.min(maxZoom, Math.max(minZoom, fits));
  return {
    zoom,
    pan: { x: width / 2 - zoom * ((left + right) / 2), y: height / 2 - zoom * ((top + bottom) / 2) },
  };
}

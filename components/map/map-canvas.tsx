"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { LayoutEdge, LayoutNode } from "./force-layout";
import { fitViewport } from "./fit-viewport";
import { layoutOffThread } from "./layout-off-thread";

// Colors for the canvas (Cytoscape draws on a canvas, so CSS dark mode does not reach it).
export const PALETTE = {
  light: {
    tints: ["#f5f5f4", "#eff6ff", "#fef3c7", "#ecfdf5", "#fdf2f8", "#f5f3ff"],
    clusters: ["#78716c", "#2563eb", "#b45309", "#047857", "#be185d", "#6d28d9"],
    text: "#1c1917",
    labelBackground: "#ffffff",
    node: "#57534e",
    border: "#a8a29e",
    selected: "#2563eb",
  },
  dark: {
    tints: ["#292524", "#172554", "#422006", "#052e16", "#500724", "#2e1065"],
    clusters: ["#a8a29e", "#60a5fa", "#fbbf24", "#34d399", "#f472b6", "#a78bfa"],
    text: "#f5f5f4",
    labelBackground: "#1c1917",
    node: "#d6d3d1",
    border: "#57534e",
    selected: "#60a5fa",
  },
};
export type Palette = (typeof PALETTE)["light"];

// Follows the system's color scheme, as the rest of the app does.
const DARK = "(prefers-color-scheme: dark)";
const subscribeToScheme = (onChange: () => void) => {
  const query = window.matchMedia(DARK);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};
export const usePrefersDark = () =>
  useSyncExternalStore(
    subscribeToScheme,
    () => window.matchMedia(DARK).matches,
    () => false,
  );

export type CanvasNode = LayoutNode & {
  label: string;
  color?: string;
  parent?: string;
  data?: Record<string, string>;
};
export type CanvasEdge = LayoutEdge & { id: string; color: string; width: number; label?: string };
export type CanvasParent = { id: string; label: string; tint: string };

// Draws a graph whose positions come from the layout worker (Cytoscape's preset layout), so
// the main thread only paints. Large graphs use cheaper edges (straight "haystack" lines, no
// arrows, their count shown on hover) and hide them while panning; the first viewport is
// computed from the positions, not measured from every drawn element.
const LARGE = 400;
const EDGE_SLICE = 150;
// One array for "no parents", so a re-render does not lay the map out again.
const NO_PARENTS: CanvasParent[] = [];
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
export function MapCanvas({
  nodes,
  edges,
  parents = NO_PARENTS,
  label,
  level,
  spacing,
  onOpen,
}: {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  parents?: CanvasParent[];
  label: string;
  level: "overview" | "document";
  spacing?: number;
  onOpen: (node: CanvasNode) => void;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [drawnFor, setDrawnFor] = useState<object | null>(null);
  const [failure, setFailure] = useState("");
  const isDark = usePrefersDark();
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    let isCurrent = true;
    let destroy = () => {};
    const element = containerRef.current;
    const layout = layoutOffThread({
      nodes: nodes.map(({ id, size, group }) => ({ id, size, group })),
      edges: edges.map(({ source, target, weight }) => ({ source, target, weight })),
      spacing,
    });
    void (async () => {
      const [{ default: cytoscape }, positions] = await Promise.all([import("cytoscape"), layout.result]);
      if (!isCurrent || !containerRef.current) return;
      const colors = PALETTE[isDark ? "dark" : "light"];
      const isLarge = nodes.length + edges.length > LARGE;
      const viewport = fitViewport({
        nodes: nodes.map((node) => ({ ...(positions[node.id] ?? { x: 0, y: 0 }), size: node.size ?? 14 })),
        width: containerRef.current.clientWidth,
        height: containerRef.current.clientHeight,
        // Labels hang below the nodes; a group's frame (document level) pads its passages.
        margin: parents.length
          ? { top: 50, right: 30, bottom: 70, left: 30 }
          : { top: 0, right: 20, bottom: 40, left: 20 },
      });
      const byId = new Map(nodes.map((node) => [node.id, node]));
      const edgeElements = edges.map((edge) => ({
        group: "edges" as const,
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          color: edge.color,
          width: edge.width,
          label: edge.label ?? "",
        },
      }));
      const cy = cytoscape({
        container: containerRef.current,
        elements: [
          ...parents.map((parent) => ({ data: { id: parent.id, label: parent.label, tint: parent.tint } })),
          ...nodes.map((node) => ({
            data: {
              id: node.id,
              label: node.label,
              size: node.size ?? 14,
              color: node.color ?? colors.node,
              ...(node.parent ? { parent: node.parent } : {}),
            },
            position: positions[node.id] ?? { x: 0, y: 0 },
          })),
          // A large graph's edges come in slices below.
          ...(isLarge ? [] : edgeElements),
        ],
        style: [
          {
            selector: "node",
            style: {
              label: "data(label)",
              "font-size": 12,
              "text-wrap": "wrap",
              "text-max-width": "140px",
              "text-valign": "bottom",
              "text-margin-y": 4,
              "text-background-color": colors.labelBackground,
              "text-background-opacity": 0.85,
              "text-background-padding": "2px",
              "text-background-shape": "roundrectangle",
              // A large map names its nodes once zoomed in (or on hover), so the labels do not hide its edges.
              "min-zoomed-font-size": isLarge ? 13 : 9,
              width: "data(size)",
              height: "data(size)",
              "background-color": "data(color)",
              color: colors.text,
            },
          },
          {
            selector: ":parent",
            style: {
              "background-color": "data(tint)",
              "background-opacity": 0.7,
              "border-color": colors.border,
              "border-width": 1,
              shape: "round-rectangle",
              "text-valign": "top",
              "text-background-opacity": 0,
              "text-wrap": "none",
              "min-zoomed-font-size": 0,
              "font-size": 15,
              "font-weight": "bold",
              padding: "24px",
            },
          },
          {
            selector: "edge",
            style: {
              width: "data(width)",
              "line-color": "data(color)",
              "target-arrow-color": "data(color)",
              "target-arrow-shape": isLarge ? "none" : "triangle",
              "curve-style": isLarge ? "haystack" : "bezier",
              "haystack-radius": 0.4,
              label: isLarge ? "" : "data(label)",
              "font-size": 11,
              color: colors.text,
              "text-background-color": colors.labelBackground,
              "text-background-opacity": 0.85,
              "min-zoomed-font-size": 10,
              opacity: 0.8,
            },
          },
          {
            selector: "edge:loop",
            style: { "curve-style": "bezier", "loop-direction": "0deg", "loop-sweep": "-60deg" },
          },
          { selector: "node:selected", style: { "background-color": colors.selected } },
        ],
        layout: { name: "preset", fit: false },
        zoom: viewport.zoom,
        pan: viewport.pan,
        wheelSensitivity: 0.3,
        minZoom: 0.02,
        maxZoom: 3,
        textureOnViewport: isLarge,
        hideEdgesOnViewport: isLarge,
        pixelRatio: isLarge ? 1 : "auto",
      });
      const container = containerRef.current;
      cy.on("zoom", () => {
        container.dataset.zoom = cy.zoom().toFixed(2);
      });
      cy.on("mouseover", "node", (event) =>
        event.target.style({
          "font-size": Math.max(13, 13 / cy.zoom()),
          "min-zoomed-font-size": 0,
          "z-index": 10,
          "text-background-opacity": 1,
        }),
      );
      cy.on("mouseout", "node", (event) => event.target.removeStyle());
      if (isLarge) {
        cy.on("mouseover", "edge", (event) => event.target.style({ label: event.target.data("label") }));
        cy.on("mouseout", "edge", (event) => event.target.removeStyle());
      }
      cy.on("tap", "node", (event) => {
        const node = byId.get(event.target.id());
        if (node) onOpenRef.current(node);
      });
      destroy = () => cy.destroy();
      // Styling a thousand edges at once blocked the main thread for most of a second: a large
      // graph's edges are added and styled a slice per task, a frame drawn in between.
      for (let at = 0; isLarge && at < edgeElements.length; at += EDGE_SLICE) {
        await nextFrame();
        if (!isCurrent) return;
        const added = cy.add(edgeElements.slice(at, at + EDGE_SLICE));
        (added as unknown as { cleanStyle: () => void }).cleanStyle();
      }
      container.dataset.nodes = String(nodes.length);
      container.dataset.edges = String(cy.edges().length);
      container.dataset.ready = "1";
      setDrawnFor(nodes);
    })().catch((error: Error) => {
      if (isCurrent) setFailure(error.message);
    });
    return () => {
      isCurrent = false;
      layout.cancel();
      destroy();
      if (element) delete element.dataset.ready;
    };
  }, [nodes, edges, parents, isDark, spacing]);

  return (
    <div className="relative">
      <div
        ref={containerRef}
        data-testid="debate-map"
        data-level={level}
        className="h-[calc(100vh-22rem)] min-h-[28rem] w-full rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-950"
        role="img"
        aria-label={label}
      />
      {failure ? (
        <p className="absolute inset-0 grid place-items-center text-sm text-red-700 dark:text-red-300" role="alert">
          The map could not be drawn ({failure}). The table below lists the same clusters and links.
        </p>
      ) : drawnFor !== nodes ? (
        <p className="absolute inset-0 grid place-items-center text-sm text-stone-500" role="status">
          Laying out the map…
        </p>
      ) : null}
    </div>
  );
}

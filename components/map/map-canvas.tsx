"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { LayoutEdge, LayoutNode } from "./force-layout";
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
// the main thread only paints. Large graphs use cheaper edges and hide them while panning.
export function MapCanvas({
  nodes,
  edges,
  parents = [],
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
      const isLarge = nodes.length + edges.length > 1500;
      const byId = new Map(nodes.map((node) => [node.id, node]));
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
          ...edges.map((edge) => ({
            data: {
              id: edge.id,
              source: edge.source,
              target: edge.target,
              color: edge.color,
              width: edge.width,
              label: edge.label ?? "",
            },
          })),
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
              "min-zoomed-font-size": 9,
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
              label: "data(label)",
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
        layout: { name: "preset", fit: true, padding: 30 },
        wheelSensitivity: 0.3,
        minZoom: 0.02,
        maxZoom: 3,
        textureOnViewport: isLarge,
        hideEdgesOnViewport: isLarge,
        pixelRatio: isLarge ? 1 : "auto",
      });
      if (cy.zoom() > 1.2) {
        cy.zoom(1.2);
        cy.center();
      }
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
      cy.on("tap", "node", (event) => {
        const node = byId.get(event.target.id());
        if (node) onOpenRef.current(node);
      });
      container.dataset.nodes = String(nodes.length);
      container.dataset.edges = String(edges.length);
      container.dataset.ready = "1";
      setDrawnFor(nodes);
      destroy = () => cy.destroy();
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

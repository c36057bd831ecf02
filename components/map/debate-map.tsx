"use client";

import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { RelationLegend } from "@/components/debate/relation-legend";
import { RELATION_COLOR, RELATION_LABEL, RELATIONS, type Relation } from "@/components/debate/vocabulary";
import { MarkdownHtml } from "@/components/ui/markdown-html";
import { shortQuote } from "@/lib/text/short-quote";
import { filterMap, NO_MAP_FILTERS, type MapFilters, type MapLink, type MapPassage } from "./filter-map";

type Data = {
  documents: { id: string; title: string }[];
  passages: MapPassage[];
  links: MapLink[];
  totals: { links: number; passages: number };
};

let isLayoutRegistered = false;
// Colors for the canvas (Cytoscape draws on a canvas, so CSS dark mode does not reach it).
const PALETTE = {
  light: {
    tints: ["#f5f5f4", "#eff6ff", "#fef3c7", "#ecfdf5", "#fdf2f8", "#f5f3ff"],
    text: "#1c1917",
    labelBackground: "#ffffff",
    node: "#57534e",
    border: "#a8a29e",
    selected: "#2563eb",
  },
  dark: {
    tints: ["#292524", "#172554", "#422006", "#052e16", "#500724", "#2e1065"],
    text: "#f5f5f4",
    labelBackground: "#1c1917",
    node: "#d6d3d1",
    border: "#57534e",
    selected: "#60a5fa",
  },
};
const short = shortQuote;

// Follows the system's color scheme, as the rest of the app does.
const DARK = "(prefers-color-scheme: dark)";
const subscribeToScheme = (onChange: () => void) => {
  const query = window.matchMedia(DARK);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};
const usePrefersDark = () =>
  useSyncExternalStore(
    subscribeToScheme,
    () => window.matchMedia(DARK).matches,
    () => false,
  );

// The debate as a graph (Cytoscape.js with the fCoSE layout): passages grouped
// by document, links colored by relation. Clicking a passage opens it in the reader.
export function DebateMap({
  data,
  includeUnlinked,
  workspaceId,
}: {
  data: Data;
  includeUnlinked: boolean;
  workspaceId: string;
}) {
  const router = useRouter();
  const containerRef = useRef<HTMLDivElement>(null);
  const [filters, setFilters] = useState<MapFilters>(NO_MAP_FILTERS);
  const [drawn, setDrawn] = useState<object | null>(null);
  const isDark = usePrefersDark();
  const shown = useMemo(() => filterMap(data.passages, data.links, filters), [data, filters]);
  const tags = useMemo(() => Array.from(new Set(data.passages.flatMap((passage) => passage.tags))).sort(), [data]);
  const authors = useMemo(
    () =>
      Array.from(new Map(data.passages.map((passage) => [passage.creator.id, passage.creator.name]))).sort((a, b) =>
        a[1].localeCompare(b[1]),
      ),
    [data],
  );
  const titles = useMemo(() => new Map(data.documents.map((document) => [document.id, document.title])), [data]);
  const passageById = useMemo(() => new Map(data.passages.map((passage) => [passage.id, passage])), [data]);
  const leftOut = {
    links: data.totals.links - data.links.length,
    passages: data.totals.passages - data.passages.length,
  };

  useEffect(() => {
    let isCurrent = true;
    let destroy = () => {};
    void (async () => {
      const [{ default: cytoscape }, { default: fcose }] = await Promise.all([
        import("cytoscape"),
        import("cytoscape-fcose"),
      ]);
      if (!isCurrent || !containerRef.current) return;
      if (!isLayoutRegistered) {
        cytoscape.use(fcose);
        isLayoutRegistered = true;
      }
      const documentIds = Array.from(new Set(shown.passages.map((passage) => passage.documentId)));
      const colors = PALETTE[isDark ? "dark" : "light"];
      const cy = cytoscape({
        container: containerRef.current,
        elements: [
          ...documentIds.map((id, index) => ({
            data: {
              id: `document-${id}`,
              label: short(titles.get(id) ?? "Document", 60),
              tint: colors.tints[index % colors.tints.length],
            },
          })),
          ...shown.passages.map((passage) => ({
            data: {
              id: passage.id,
              parent: `document-${passage.documentId}`,
              label: short(passage.quote, 36),
              documentId: passage.documentId,
            },
          })),
          ...shown.links.map((link) => ({
            data: {
              id: link.id,
              source: link.from,
              target: link.to,
              color: RELATION_COLOR[link.relation as Relation],
              label: RELATION_LABEL[link.relation as Relation],
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
              "text-max-width": "120px",
              "text-valign": "bottom",
              "text-margin-y": 4,
              // A label stays readable where it crosses an edge, and is left out when zoomed
              // out so far that it would be smaller than 10 px (hovering shows it).
              "text-background-color": colors.labelBackground,
              "text-background-opacity": 0.85,
              "text-background-padding": "2px",
              "text-background-shape": "roundrectangle",
              "min-zoomed-font-size": 10,
              width: 14,
              height: 14,
              "background-color": colors.node,
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
              width: 2.5,
              "line-color": "data(color)",
              "target-arrow-color": "data(color)",
              "target-arrow-shape": "triangle",
              "curve-style": "bezier",
              opacity: 0.85,
            },
          },
          { selector: "node:selected", style: { "background-color": colors.selected } },
        ],
        layout: {
          name: "fcose",
          animate: false,
          quality: shown.passages.length > 400 ? "draft" : "default",
          // Passages are spaced by their labels' boxes, so labels do not overlap.
          nodeDimensionsIncludeLabels: true,
          nodeRepulsion: () => 4500,
          idealEdgeLength: () => 70,
          nestingFactor: 0.1,
          gravity: 0.6,
          gravityCompound: 1.5,
          tilingPaddingVertical: 20,
          tilingPaddingHorizontal: 20,
          randomize: true,
        } as cytoscape.LayoutOptions,
        wheelSensitivity: 0.3,
        minZoom: 0.05,
        maxZoom: 3,
      });
      // A small graph is not blown up to fill the canvas.
      if (cy.zoom() > 1.2) {
        cy.zoom(1.2);
        cy.center();
      }
      // Document titles stay readable (at least 13 px on screen) however far one zooms out;
      // passages' labels show once they are 10 px or more.
      const container = containerRef.current;
      const onZoom = () => {
        cy.style()
          .selector(":parent")
          .style("font-size", Math.min(48, Math.max(15, 13 / cy.zoom())))
          .update();
        container.dataset.zoom = cy.zoom().toFixed(2);
      };
      onZoom();
      cy.on("zoom", onZoom);
      // A passage under the pointer shows its label at a readable size, above the rest.
      cy.on("mouseover", "node[documentId]", (event) =>
        event.target.style({
          "font-size": Math.max(13, 13 / cy.zoom()),
          "min-zoomed-font-size": 0,
          "z-index": 10,
          "text-background-opacity": 1,
        }),
      );
      cy.on("mouseout", "node[documentId]", (event) => event.target.removeStyle());
      cy.on("tap", "node[documentId]", (event) =>
        router.push(`/documents/${event.target.data("documentId")}#annotation-${event.target.id()}`),
      );
      containerRef.current.dataset.nodes = String(shown.passages.length);
      containerRef.current.dataset.edges = String(shown.links.length);
      setDrawn(shown);
      destroy = () => cy.destroy();
    })();
    return () => {
      isCurrent = false;
      destroy();
    };
  }, [shown, titles, router, isDark]);

  const select =
    "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";
  const set = (key: keyof MapFilters) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    setFilters({ ...filters, [key]: event.target.value });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
        <FilterSelect
          label="Relation"
          anyLabel="All relations"
          className={select}
          value={filters.relation}
          onChange={set("relation")}
          options={RELATIONS.map((relation) => [relation, RELATION_LABEL[relation]] as const)}
        />
        <FilterSelect
          label="Tag"
          anyLabel="All tags"
          className={select}
          value={filters.tag}
          onChange={set("tag")}
          options={tags.map((tag) => [tag, `#${tag}`] as const)}
        />
        <FilterSelect
          label="Document"
          anyLabel="All documents"
          className={select}
          value={filters.documentId}
          onChange={set("documentId")}
          options={data.documents.map((document) => [document.id, short(document.title, 50)] as const)}
        />
        <FilterSelect
          label="Author"
          anyLabel="All authors"
          className={select}
          value={filters.authorId}
          onChange={set("authorId")}
          options={authors}
        />
        <Link href={`/workspaces/${workspaceId}/map${includeUnlinked ? "" : "?all=1"}`} className="text-sm underline">
          {includeUnlinked ? "Only linked passages" : "Show unlinked passages too"}
        </Link>
        <span className="ml-auto text-xs text-stone-500" data-testid="map-counts">
          {shown.passages.length} passages · {shown.links.length} links
        </span>
      </div>
      {leftOut.links > 0 || leftOut.passages > 0 ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          The map draws at most {data.passages.length.toLocaleString("en")} passages: it leaves out{" "}
          {leftOut.links > 0
            ? `${leftOut.links.toLocaleString("en")} of ${data.totals.links.toLocaleString("en")} links`
            : ""}
          {leftOut.links > 0 && leftOut.passages > 0 ? " and " : ""}
          {leftOut.passages > 0
            ? `${leftOut.passages.toLocaleString("en")} of ${data.totals.passages.toLocaleString("en")} passages`
            : ""}{" "}
          (the newest). Each document&rsquo;s reader and Compare show all of its links.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RelationLegend label="Edge colors" />
        <p className="text-xs text-stone-500">
          Scroll to zoom in: passages are labelled once their words are legible. Point at one to read it, click to open
          it.
        </p>
      </div>
      <div className="relative">
        <div
          ref={containerRef}
          data-testid="debate-map"
          className="h-[calc(100vh-20rem)] min-h-[28rem] w-full rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-950"
          role="img"
          aria-label={`Debate map: ${shown.passages.length} passages and ${shown.links.length} links. The same links are listed below.`}
        />
        {drawn !== shown ? (
          <p className="absolute inset-0 grid place-items-center text-sm text-stone-500" role="status">
            Laying out the map…
          </p>
        ) : null}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">The links as a list</summary>
        <ul className="mt-2 space-y-1">
          {shown.links.map((link) => {
            const from = passageById.get(link.from)!;
            const to = passageById.get(link.to)!;
            return (
              <li key={link.id}>
                <Link href={`/documents/${from.documentId}#annotation-${from.id}`} className="underline">
                  “{short(from.quote, 60)}”
                </Link>{" "}
                <span style={{ color: RELATION_COLOR[link.relation as Relation] }}>
                  {RELATION_LABEL[link.relation as Relation].toLowerCase()}
                </span>{" "}
                <Link href={`/documents/${to.documentId}#annotation-${to.id}`} className="underline">
                  “{short(to.quote, 60)}”
                </Link>{" "}
                <span className="text-stone-500">
                  ({titles.get(from.documentId)} → {titles.get(to.documentId)})
                </span>
                {link.rationale.trim() ? (
                  <MarkdownHtml
                    html={link.rationaleHtml}
                    className="mt-0.5 pl-4 text-stone-600 dark:text-stone-400"
                    testId="link-rationale"
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}

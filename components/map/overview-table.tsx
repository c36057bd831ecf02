"use client";

import { useState } from "react";
import { RELATION_COLOR, RELATION_LABEL, type Relation } from "@/components/debate/vocabulary";
import type { MapCluster, MapEdge } from "@/lib/links/map-overview";

const PAGE = 50;

// The overview as text, for keyboards and screen readers: the documents (each with a button
// that opens it) and the links counted between them.
export function OverviewTable({
  clusters,
  edges,
  titles,
  onOpen,
}: {
  clusters: MapCluster[];
  edges: MapEdge[];
  titles: Map<string, string>;
  onOpen: (documentId: string) => void;
}) {
  const [clusterCount, setClusterCount] = useState(PAGE);
  const [edgeCount, setEdgeCount] = useState(PAGE * 2);
  const more = "mt-2 rounded-md border border-stone-300 px-2 py-1 text-sm dark:border-stone-700";
  return (
    <div className="space-y-3 text-sm">
      <table className="w-full border-collapse text-left" data-testid="map-clusters">
        <caption className="mb-1 text-left font-medium">Documents on the map, most linked first</caption>
        <thead className="text-xs text-stone-500">
          <tr>
            <th scope="col" className="py-1 pr-2 font-normal">
              Document
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-normal">
              Links
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-normal">
              Linked passages
            </th>
            <th scope="col" className="py-1 font-normal">
              <span className="sr-only">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {clusters.slice(0, clusterCount).map((cluster) => (
            <tr key={cluster.id} className="border-t border-stone-200 dark:border-stone-800" data-testid="map-cluster">
              <th scope="row" className="py-1 pr-2 font-normal">
                {cluster.title}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">{cluster.links.toLocaleString("en")}</td>
              <td className="py-1 pr-2 text-right tabular-nums">{cluster.passages.toLocaleString("en")}</td>
              <td className="py-1 text-right">
                <button
                  type="button"
                  className="underline"
                  aria-label={cluster.kind === "others" ? `Draw more of the ${cluster.title}` : `Open ${cluster.title}`}
                  data-testid="open-cluster"
                  onClick={() => onOpen(cluster.id)}
                >
                  {cluster.kind === "others" ? "Draw more" : "Open"}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {clusters.length > clusterCount ? (
        <button type="button" className={more} onClick={() => setClusterCount(clusterCount + PAGE * 4)}>
          Show more documents ({(clusters.length - clusterCount).toLocaleString("en")} not listed yet)
        </button>
      ) : null}
      <details>
        <summary className="cursor-pointer">The links as a list</summary>
        <ul className="mt-2 space-y-1" data-testid="map-edges">
          {edges.slice(0, edgeCount).map((edge) => (
            <li key={`${edge.from}>${edge.to}:${edge.relation}`}>
              {titles.get(edge.from)}{" "}
              <span style={{ color: RELATION_COLOR[edge.relation as Relation] }}>
                {RELATION_LABEL[edge.relation as Relation].toLowerCase()}
              </span>{" "}
              {edge.from === edge.to ? "itself" : titles.get(edge.to)}:{" "}
              <span className="tabular-nums">
                {edge.count.toLocaleString("en")} link{edge.count === 1 ? "" : "s"}
              </span>
            </li>
          ))}
        </ul>
        {edges.length > edgeCount ? (
          <button type="button" className={more} onClick={() => setEdgeCount(edgeCount + PAGE * 8)}>
            Show more ({(edges.length - edgeCount).toLocaleString("en")} not listed yet)
          </button>
        ) : null}
      </details>
    </div>
  );
}

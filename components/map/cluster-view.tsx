"use client";

import { ReaderLink } from "@/components/reader/reader-link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { FilterSelect } from "@/components/ui/filter-select";
import { RelationLegend } from "@/components/debate/relation-legend";
import { RELATION_COLOR, RELATION_LABEL, RELATIONS, type Relation } from "@/components/debate/vocabulary";
import { MarkdownHtml } from "@/components/ui/markdown-html";
import { shortQuote } from "@/lib/text/short-quote";
import type { MapDocument } from "@/lib/links/map-overview";
import { filterMap, NO_MAP_FILTERS, type MapFilters } from "./filter-map";
import { LeftOutNotice } from "./left-out-notice";
import { MapCanvas, PALETTE, usePrefersDark, type CanvasEdge, type CanvasNode, type CanvasParent } from "./map-canvas";

const short = shortQuote;

// One cluster opened: the document's passages and their links (with the passages at their
// other ends, grouped by document), fetched from the server when asked for.
export function ClusterView({
  workspaceId,
  documentId,
  title,
  onBack,
  onOpen,
}: {
  workspaceId: string;
  documentId: string;
  title?: string;
  onBack: () => void;
  onOpen: (documentId: string) => void;
}) {
  const router = useRouter();
  const [includeUnlinked, setIncludeUnlinked] = useState(false);
  const [data, setData] = useState<MapDocument | null>(null);
  const [failure, setFailure] = useState("");
  const [filters, setFilters] = useState<MapFilters>(NO_MAP_FILTERS);
  const isDark = usePrefersDark();

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/v1/workspaces/${workspaceId}/map/documents/${documentId}?all=${includeUnlinked ? 1 : 0}`, {
      signal: controller.signal,
    })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
        setData(body as MapDocument);
        setFailure("");
      })
      .catch((error: Error) => {
        if (error.name !== "AbortError") setFailure(error.message);
      });
    return () => controller.abort();
  }, [workspaceId, documentId, includeUnlinked]);

  const shown = useMemo(
    () => (data ? filterMap(data.passages, data.links, filters) : { passages: [], links: [] }),
    [data, filters],
  );
  const titles = useMemo(() => new Map(data?.documents.map((document) => [document.id, document.title])), [data]);
  const passageById = useMemo(() => new Map(data?.passages.map((passage) => [passage.id, passage])), [data]);
  const tags = useMemo(() => [...new Set(data?.passages.flatMap((passage) => passage.tags))].sort(), [data]);
  const authors = useMemo(
    () =>
      [...new Map(data?.passages.map((passage) => [passage.creator.id, passage.creator.name]))].sort((a, b) =>
        a[1].localeCompare(b[1]),
      ),
    [data],
  );
  const { nodes, edges, parents } = useMemo(() => {
    const colors = PALETTE[isDark ? "dark" : "light"];
    const documentIds = [...new Set(shown.passages.map((passage) => passage.documentId))];
    return {
      parents: documentIds.map((id, index): CanvasParent => ({
        id: `document-${id}`,
        label: short(titles.get(id) ?? "Document", 60),
        tint: colors.tints[index % colors.tints.length]!,
      })),
      nodes: shown.passages.map((passage): CanvasNode => ({
        id: passage.id,
        group: passage.documentId,
        parent: `document-${passage.documentId}`,
        label: short(passage.quote, 36),
        size: 14,
        data: { documentId: passage.documentId },
      })),
      edges: shown.links.map((link): CanvasEdge => ({
        id: link.id,
        source: link.from,
        target: link.to,
        color: RELATION_COLOR[link.relation as Relation],
        width: 2.5,
      })),
    };
  }, [shown, titles, isDark]);

  const select =
    "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";
  const set = (key: keyof MapFilters) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    setFilters({ ...filters, [key]: event.target.value });
  const name = data?.document.title ?? title ?? "Document";
  return (
    <div className="space-y-3" data-testid="map-cluster-view">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={onBack}
          className="rounded-md border border-stone-300 px-2 py-1 text-sm dark:border-stone-700"
          data-testid="map-back"
        >
          ← Overview
        </button>
        <h2 className="text-lg font-semibold">{name}</h2>
        <ReaderLink href={`/documents/${documentId}`} className="text-sm underline">
          Open in the reader
        </ReaderLink>
      </div>
      {failure ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          This document&rsquo;s passages could not be loaded: {failure}
        </p>
      ) : null}
      {!data ? (
        failure ? null : (
          <p role="status" className="text-sm text-stone-500">
            Loading the passages…
          </p>
        )
      ) : (
        <>
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
              label="Author"
              anyLabel="All authors"
              className={select}
              value={filters.authorId}
              onChange={set("authorId")}
              options={authors}
            />
            <label className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={includeUnlinked}
                onChange={(event) => setIncludeUnlinked(event.target.checked)}
              />
              Unlinked passages too
            </label>
            <span className="ml-auto text-xs text-stone-500" data-testid="map-counts">
              {shown.passages.length} passages · {shown.links.length} links
            </span>
          </div>
          <LeftOutNotice
            parts={[
              [data.leftOut.passages, data.totals.passages, "passages of this document"],
              [data.leftOut.links, data.totals.links, "links"],
            ]}
          >
            One opened document draws at most {(data.totals.passages - data.leftOut.passages).toLocaleString("en")} of
            its passages (the first in the text). Its reader shows all of them.
          </LeftOutNotice>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <RelationLegend label="Edge colors" />
            <p className="text-xs text-stone-500">
              Point at a passage to read it, click to open it in the reader. Escape returns to the overview.
            </p>
          </div>
          <MapCanvas
            nodes={nodes}
            edges={edges}
            parents={parents}
            level="document"
            spacing={110}
            label={`Passages of ${name} and their links: ${shown.passages.length} passages and ${shown.links.length} links. The same links are listed below.`}
            onOpen={(node) => router.push(`/documents/${node.data?.documentId ?? node.group}#annotation-${node.id}`)}
          />
          <details className="text-sm">
            <summary className="cursor-pointer">The links as a list</summary>
            <ul className="mt-2 space-y-1">
              {shown.links.map((link) => {
                const from = passageById.get(link.from)!;
                const to = passageById.get(link.to)!;
                return (
                  <li key={link.id}>
                    <ReaderLink href={`/documents/${from.documentId}#annotation-${from.id}`} className="underline">
                      “{short(from.quote, 60)}”
                    </ReaderLink>{" "}
                    <span style={{ color: RELATION_COLOR[link.relation as Relation] }}>
                      {RELATION_LABEL[link.relation as Relation].toLowerCase()}
                    </span>{" "}
                    <ReaderLink href={`/documents/${to.documentId}#annotation-${to.id}`} className="underline">
                      “{short(to.quote, 60)}”
                    </ReaderLink>{" "}
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
          {data.documents.length > 1 ? (
            <p className="text-sm">
              Linked documents:{" "}
              {data.documents
                .filter((document) => document.id !== documentId)
                .map((document, index) => (
                  <span key={document.id}>
                    {index ? ", " : ""}
                    <button type="button" className="underline" onClick={() => onOpen(document.id)}>
                      {document.title}
                    </button>
                  </span>
                ))}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

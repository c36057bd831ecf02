"use client";

import { STANCES } from "@/components/debate/vocabulary";
import { FilterSelect } from "@/components/ui/filter-select";
import type { ReaderAnnotation } from "@/lib/annotations/presenters";

export type Filters = { creator: string; tag: string; stance: string };
export const NO_FILTERS: Filters = { creator: "", tag: "", stance: "" };

export function matchesFilters(annotation: ReaderAnnotation, filters: Filters): boolean {
  return (
    (!filters.creator || annotation.creator.id === filters.creator) &&
    (!filters.tag || annotation.tags.includes(filters.tag)) &&
    (!filters.stance || annotation.replyStances.includes(filters.stance))
  );
}

const selectClass =
  "rounded-md border border-stone-300 bg-white px-2 py-1 text-xs dark:border-stone-700 dark:bg-stone-900";

export function AnnotationFilters({
  annotations,
  filters,
  onChange,
}: {
  annotations: ReaderAnnotation[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const creators = Array.from(
    new Map(annotations.map((annotation) => [annotation.creator.id, annotation.creator.name])),
  );
  const tags = Array.from(new Set(annotations.flatMap((annotation) => annotation.tags))).sort();
  const isFiltered = Boolean(filters.creator || filters.tag || filters.stance);
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="sr-only">Filter annotations</legend>
      <FilterSelect
        label="Filter by author"
        anyLabel="All authors"
        className={selectClass}
        value={filters.creator}
        onChange={(event) => onChange({ ...filters, creator: event.target.value })}
        options={creators}
      />
      <FilterSelect
        label="Filter by tag"
        anyLabel="All tags"
        className={selectClass}
        value={filters.tag}
        onChange={(event) => onChange({ ...filters, tag: event.target.value })}
        options={tags.map((tag) => [tag, `#${tag}`] as const)}
      />
      <FilterSelect
        label="Filter by stance in replies"
        anyLabel="Any stance"
        className={selectClass}
        value={filters.stance}
        onChange={(event) => onChange({ ...filters, stance: event.target.value })}
        options={STANCES.map(
          (stance) => [stance, `Replies that ${stance === "asks" ? "ask" : stance.replace(/s$/, "")}`] as const,
        )}
      />
      {isFiltered ? (
        <button
          type="button"
          className="text-xs text-accent-600 underline"
          onClick={() => onChange({ creator: "", tag: "", stance: "" })}
        >
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}

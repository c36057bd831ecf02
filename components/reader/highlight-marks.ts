import { escapeHtml } from "@/lib/reader/render-text-html";

// The highlights in the rendered text refer to annotations by index
// (data-a="0 5 17"); the ids are listed in data-annotation-ids, on the container or on an
// inert <template> after the text (idListHtml): the words reach the screen before the
// 5,000 ids of a crowded document do.
export const idListHtml = (ids: string[]) => `<template data-annotation-ids="${escapeHtml(ids.join(" "))}"></template>`;

const cache = new WeakMap<Element, { source: string; ids: string[]; index: Map<string, number> }>();

function idTable(root: HTMLElement) {
  const container = root.querySelector<HTMLElement>("[data-annotation-ids]") ?? root;
  const source = container.dataset.annotationIds ?? "";
  let table = cache.get(container);
  if (!table || table.source !== source) {
    const ids = source ? source.split(" ") : [];
    table = { source, ids, index: new Map(ids.map((id, position) => [id, position])) };
    cache.set(container, table);
  }
  return table;
}

export function allMarks(root: HTMLElement | null): HTMLElement[] {
  return Array.from(root?.querySelectorAll<HTMLElement>("mark[data-a]") ?? []);
}

export function annotationIdsOf(root: HTMLElement, mark: HTMLElement): string[] {
  const { ids } = idTable(root);
  return (mark.dataset.a ?? "")
    .split(" ")
    .map((position) => ids[Number(position)]!)
    .filter(Boolean);
}

export function marksOf(root: HTMLElement | null, id: string): HTMLElement[] {
  if (!root) return [];
  const position = idTable(root).index.get(id);
  return position === undefined ? [] : Array.from(root.querySelectorAll<HTMLElement>(`mark[data-a~="${position}"]`));
}

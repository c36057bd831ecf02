"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ReaderAnnotation } from "@/lib/annotations/presenters";
import type { PassageLink } from "@/components/debate/types";
import { apiFetch, type ApiResult } from "@/lib/client/api-fetch";

const NONE: ReaderAnnotation[] = [];

// The first page comes quickly (the cards near the top of a long document); the rest
// follow in larger pages in the background.
const FIRST_PAGE = 100;
const NEXT_PAGES = 500;
type AnnotationPage = { items: ReaderAnnotation[]; nextCursor: string | null };

// A document's annotations from the API, in pages, reloadable after changes. On the first
// load each page is shown as it arrives; a reload keeps the list it has until the new one
// is whole, so the cards do not jump.
export function useDocumentAnnotations(documentId: string) {
  const [annotations, setAnnotations] = useState<ReaderAnnotation[] | null>(null);
  const [isComplete, setComplete] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const generation = useRef(0);
  const hasList = useRef(false);
  const reload = useCallback(async () => {
    const current = ++generation.current;
    const isFirstLoad = !hasList.current;
    const items: ReaderAnnotation[] = [];
    let cursor: string | null = null;
    do {
      const limit = items.length ? NEXT_PAGES : FIRST_PAGE;
      const result: ApiResult<AnnotationPage> = await apiFetch<AnnotationPage>(
        `/api/v1/documents/${documentId}/annotations?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
      );
      if (current !== generation.current) return;
      if (!result.ok) {
        if (!hasList.current) setLoadError(result.error.message);
        return;
      }
      items.push(...result.data.items);
      cursor = result.data.nextCursor;
      if (isFirstLoad) {
        hasList.current = true;
        setAnnotations(items.slice());
        setComplete(!cursor);
        setLoadError(null);
      }
    } while (cursor);
    setAnnotations(items);
    setComplete(true);
    setLoadError(null);
    hasList.current = true;
  }, [documentId]);
  // Loaded once the text has painted and the page is idle: the highlights come first.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => void reload(), { timeout: 1000 });
    return () => cancel(handle);
  }, [reload]);
  return {
    annotations: annotations ?? NONE,
    isLoading: annotations === null && !loadError,
    // Every page has arrived (until then, the list is the document's first annotations).
    isComplete,
    loadError,
    reload,
  };
}

// Links with either end in the document (for badges and each card's discussion), loaded after the text.
export function useDocumentLinks(documentId: string) {
  const [links, setLinks] = useState<PassageLink[]>(NO_LINKS);
  const reloadLinks = useCallback(async () => {
    const result = await apiFetch<{ items: PassageLink[] }>(`/api/v1/documents/${documentId}/links`);
    if (result.ok) setLinks(result.data.items);
  }, [documentId]);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => void reloadLinks(), { timeout: 1000 });
    return () => cancel(handle);
  }, [reloadLinks]);
  return { links, reloadLinks };
}
const NO_LINKS: PassageLink[] = [];

// The workspace's tags for autocomplete, fetched the first time they are needed.
export function useWorkspaceTags(workspaceId: string, isNeeded: boolean) {
  const [tags, setTags] = useState<string[] | null>(null);
  useEffect(() => {
    if (!isNeeded || tags) return;
    let isCurrent = true;
    apiFetch<{ items: string[] }>(`/api/v1/workspaces/${workspaceId}/tags`).then((result) => {
      if (isCurrent) setTags(result.ok ? result.data.items : []);
    });
    return () => {
      isCurrent = false;
    };
  }, [workspaceId, isNeeded, tags]);
  return tags ?? NO_TAGS;
}

const NO_TAGS: string[] = [];

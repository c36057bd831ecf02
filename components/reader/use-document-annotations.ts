"use client";

import { useCallback, useEffect, useState } from "react";
import type { ReaderAnnotation } from "@/lib/annotations/presenters";
import type { PassageLink } from "@/components/debate/types";
import { apiFetch } from "@/lib/client/api-fetch";

const NONE: ReaderAnnotation[] = [];

// A document's annotations from the API, reloadable after changes.
export function useDocumentAnnotations(documentId: string) {
  const [annotations, setAnnotations] = useState<ReaderAnnotation[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const result = await apiFetch<{ items: ReaderAnnotation[] }>(`/api/v1/documents/${documentId}/annotations`);
    if (result.ok) {
      setAnnotations(result.data.items);
      setLoadError(null);
    } else setLoadError(result.error.message);
  }, [documentId]);
  // Loaded once the text has painted and the page is idle: the highlights come first.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => void reload(), { timeout: 1000 });
    return () => cancel(handle);
  }, [reload]);
  return { annotations: annotations ?? NONE, isLoading: annotations === null && !loadError, loadError, reload };
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

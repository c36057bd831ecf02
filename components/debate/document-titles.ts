"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

// Titles of the documents suggestions point into, fetched once per document per page.
const known = new Map<string, Promise<string>>();

function titleOf(documentId: string) {
  let title = known.get(documentId);
  if (!title) {
    title = apiFetch<{ title: string }>(`/api/v1/documents/${documentId}`).then((result) =>
      result.ok ? result.data.title : "Another document",
    );
    known.set(documentId, title);
  }
  return title;
}

export function useDocumentTitles(documentIds: string[]) {
  const [titles, setTitles] = useState<Record<string, string>>({});
  const key = Array.from(new Set(documentIds)).sort().join(" ");
  useEffect(() => {
    let isCurrent = true;
    const ids = key ? key.split(" ") : [];
    void Promise.all(ids.map(async (id) => [id, await titleOf(id)] as const)).then((pairs) => {
      if (isCurrent) setTitles(Object.fromEntries(pairs));
    });
    return () => {
      isCurrent = false;
    };
  }, [key]);
  return titles;
}

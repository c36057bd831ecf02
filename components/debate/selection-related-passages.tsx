"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useDocumentTitles } from "./document-titles";
import { SuggestionSummary } from "./suggestion-summary";
import { type Suggestion, suggestionKey } from "./suggestion-types";

const LIMIT = 5;

// Related passages for a selection that is not annotated yet, asked for on request (the
// composer does not rank every selection). Linking needs the annotation: save it, then its
// card offers the same passages with "Link…".
export function SelectionRelatedPassages({
  workspaceId,
  documentId,
  start,
  end,
}: {
  workspaceId: string;
  documentId: string;
  start: number;
  end: number;
}) {
  const [state, setState] = useState<"idle" | "loading" | "error" | Suggestion[]>("idle");
  const items = Array.isArray(state) ? state : [];
  const titles = useDocumentTitles(items.map((item) => item.documentId));

  const find = async () => {
    setState("loading");
    const result = await apiFetch<{ items: Suggestion[] }>(
      `/api/v1/documents/${documentId}/suggestions?start=${start}&end=${end}&limit=${LIMIT}`,
    );
    setState(result.ok ? result.data.items : "error");
  };

  if (state === "idle" || state === "error")
    return (
      <p className="text-xs">
        <button
          type="button"
          onClick={() => void find()}
          className="font-medium text-stone-600 hover:text-stone-900 hover:underline dark:text-stone-400 dark:hover:text-white"
          data-testid="selection-related-find"
        >
          Find related passages in other documents
        </button>
        {state === "error" ? (
          <span role="alert" className="ml-2 text-red-700 dark:text-red-300">
            Could not look for related passages; try again.
          </span>
        ) : null}
      </p>
    );
  if (state === "loading")
    return (
      <p className="text-xs text-stone-500" aria-live="polite">
        Looking for related passages…
      </p>
    );
  if (!items.length) return <p className="text-xs text-stone-500">No related passages in other documents.</p>;
  return (
    <section aria-label="Related passages" data-testid="selection-related-passages" className="text-xs">
      <p className="text-stone-600 dark:text-stone-400">
        {items.length === 1 ? "1 related passage" : `${items.length} related passages`} — save the annotation to link
        one.
      </p>
      <ul className="mt-1 space-y-2" aria-label="Suggested passages">
        {items.map((item) => (
          <li
            key={suggestionKey(item)}
            data-testid="related-passage"
            className="rounded-md border border-dashed border-stone-300 p-2 dark:border-stone-600"
          >
            <SuggestionSummary
              item={item}
              title={titles[item.documentId] ?? "…"}
              workspaceId={workspaceId}
              fromDocumentId={documentId}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

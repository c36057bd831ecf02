"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useDocumentTitles } from "./document-titles";
import { LinkComposer } from "./link-composer";
import { SuggestionSummary } from "./suggestion-summary";
import { HINT_RELATION, type Suggestion, suggestionKey } from "./suggestion-types";

const LIMIT = 5;
// How long a dismissal can be taken back before it is sent.
const UNDO_MS = 6000;

// "3 related passages" under an opened card: passages of other documents the engine finds
// on the same point, fetched when the card opens (never for every card of the document).
// Each can become a link (the usual composer, its target filled in) or be dismissed.
export function RelatedPassages({
  annotationId,
  documentId,
  workspaceId,
  canLink,
  onLinked,
}: {
  annotationId: string;
  documentId: string;
  workspaceId: string;
  canLink: boolean;
  onLinked: () => void;
}) {
  const [items, setItems] = useState<Suggestion[] | null>(null);
  const [isOpen, setOpen] = useState(false);
  const [linking, setLinking] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [undoable, setUndoable] = useState<string[]>([]);
  const pending = useRef(new Map<string, { item: Suggestion; timer: ReturnType<typeof setTimeout> }>());
  const titles = useDocumentTitles(items?.map((item) => item.documentId) ?? []);

  useEffect(() => {
    let isCurrent = true;
    void apiFetch<{ items: Suggestion[] }>(`/api/v1/annotations/${annotationId}/suggestions?limit=${LIMIT}`).then(
      (result) => {
        if (isCurrent) setItems(result.ok ? result.data.items : []);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [annotationId]);

  // keepalive: a dismissal sent as the page goes still arrives.
  const send = useCallback(
    (item: Suggestion) =>
      void fetch(`/api/v1/annotations/${annotationId}/suggestions/dismiss`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ documentId: item.documentId, start: item.start, end: item.end }),
        keepalive: true,
      }).catch(() => undefined),
    [annotationId],
  );
  // Dismissals still within their undo time are sent when the card closes or the page goes.
  useEffect(() => {
    const waiting = pending.current;
    const flush = () => {
      for (const { item, timer } of waiting.values()) {
        clearTimeout(timer);
        send(item);
      }
      waiting.clear();
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [send]);

  const dismiss = (item: Suggestion) => {
    const key = suggestionKey(item);
    setDismissed((keys) => [...keys, key]);
    setUndoable((keys) => [...keys, key]);
    const timer = setTimeout(() => {
      pending.current.delete(key);
      setUndoable((keys) => keys.filter((other) => other !== key));
      send(item);
    }, UNDO_MS);
    pending.current.set(key, { item, timer });
  };
  const undo = (key: string) => {
    const waiting = pending.current.get(key);
    if (waiting) clearTimeout(waiting.timer);
    pending.current.delete(key);
    setDismissed((keys) => keys.filter((other) => other !== key));
    setUndoable((keys) => keys.filter((other) => other !== key));
  };

  if (items === null)
    return (
      <p className="text-xs text-stone-500" aria-live="polite">
        Looking for related passages…
      </p>
    );
  const shown = items.filter((item) => !dismissed.includes(suggestionKey(item)));
  if (!items.length) return <p className="text-xs text-stone-500">No related passages in other documents.</p>;
  const count = shown.length === 1 ? "1 related passage" : `${shown.length} related passages`;
  return (
    <section data-testid="related-passages" aria-label="Related passages">
      <button
        type="button"
        className="text-xs font-medium text-stone-600 hover:text-stone-900 hover:underline dark:text-stone-400 dark:hover:text-white"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
        data-testid="related-passages-toggle"
      >
        <span aria-hidden>{isOpen ? "▾" : "▸"}</span> {count}
      </button>
      {isOpen ? (
        <ul className="mt-1 space-y-2" aria-label="Suggested passages">
          {shown.map((item) => {
            const key = suggestionKey(item);
            const title = titles[item.documentId] ?? "…";
            return (
              <li
                key={key}
                data-testid="related-passage"
                className="rounded-md border border-dashed border-stone-300 p-2 text-xs dark:border-stone-600"
              >
                {linking === key ? (
                  <LinkComposer
                    workspaceId={workspaceId}
                    documentId={documentId}
                    fromAnnotationId={annotationId}
                    initialTarget={{ ...item, id: null, documentTitle: title }}
                    initialRelation={item.relationHint ? HINT_RELATION[item.relationHint] : undefined}
                    onCancel={() => setLinking(null)}
                    onLinked={() => {
                      setLinking(null);
                      setItems((all) => all?.filter((other) => suggestionKey(other) !== key) ?? null);
                      onLinked();
                    }}
                  />
                ) : (
                  <>
                    <SuggestionSummary
                      item={item}
                      title={title}
                      workspaceId={workspaceId}
                      fromDocumentId={documentId}
                    />
                    {canLink ? (
                      <p className="mt-1 flex gap-3">
                        <button
                          type="button"
                          className="font-medium text-accent-700 hover:underline dark:text-accent-100"
                          onClick={() => setLinking(key)}
                        >
                          Link…
                        </button>
                        <button
                          type="button"
                          className="text-stone-500 hover:text-stone-900 hover:underline dark:hover:text-white"
                          onClick={() => dismiss(item)}
                        >
                          Dismiss
                        </button>
                      </p>
                    ) : null}
                  </>
                )}
              </li>
            );
          })}
          {undoable.map((key) => (
            <li key={key} className="text-xs text-stone-500" role="status">
              Dismissed for this passage.{" "}
              <button type="button" className="underline" onClick={() => undo(key)}>
                Undo
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

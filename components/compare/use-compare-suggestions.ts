"use client";

import { useEffect, useState } from "react";
import { type Suggestion, suggestionKey } from "@/components/debate/suggestion-types";
import { apiFetch } from "@/lib/client/api-fetch";

export type CompareSuggestion = {
  key: string;
  fromAnnotationId: string;
  fromSide: "left" | "right";
  item: Suggestion;
};
type Column = { id: string; annotationIds: string[] };

// At most this many annotations are asked for suggestions (a few at a time), so a heavily
// annotated pair of documents costs a bounded number of requests.
export const MAX_ASKED = 40;
const PER_ANNOTATION = 5;
const AT_ONCE = 4;

// Suggestions joining an annotation of one column to a passage of the other, fetched only
// while the compare view's "Suggestions" control is on.
export function useCompareSuggestions(isOn: boolean, left: Column, right: Column) {
  const [found, setFound] = useState<CompareSuggestion[] | null>(null);
  const leftKey = left.annotationIds.join(" ");
  const rightKey = right.annotationIds.join(" ");
  useEffect(() => {
    if (!isOn) return;
    let isCurrent = true;
    const asks = [
      ...(leftKey ? leftKey.split(" ") : []).map((id) => ({ id, side: "left" as const, other: right.id })),
      ...(rightKey ? rightKey.split(" ") : []).map((id) => ({ id, side: "right" as const, other: left.id })),
    ].slice(0, MAX_ASKED);
    void (async () => {
      const all: CompareSuggestion[] = [];
      for (let at = 0; at < asks.length; at += AT_ONCE) {
        const batch = await Promise.all(
          asks.slice(at, at + AT_ONCE).map(async (ask) => {
            const result = await apiFetch<{ items: Suggestion[] }>(
              `/api/v1/annotations/${ask.id}/suggestions?limit=${PER_ANNOTATION}`,
            );
            if (!result.ok) return [];
            return result.data.items
              .filter((item) => item.documentId === ask.other)
              .map((item) => ({
                key: `${ask.id}|${suggestionKey(item)}`,
                fromAnnotationId: ask.id,
                fromSide: ask.side,
                item,
              }));
          }),
        );
        if (!isCurrent) return;
        all.push(...batch.flat());
      }
      setFound(all);
    })();
    return () => {
      isCurrent = false;
    };
  }, [isOn, left.id, right.id, leftKey, rightKey]);
  const dismiss = (suggestion: CompareSuggestion) => {
    setFound((all) => all?.filter((other) => other.key !== suggestion.key) ?? null);
    void apiFetch(`/api/v1/annotations/${suggestion.fromAnnotationId}/suggestions/dismiss`, {
      body: { documentId: suggestion.item.documentId, start: suggestion.item.start, end: suggestion.item.end },
    });
  };
  return { suggestions: isOn ? found : null, dismiss };
}

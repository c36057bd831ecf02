import type { Relation } from "./vocabulary";

// One suggested passage (GET /api/v1/annotations/{id}/suggestions), offsets in code points.
export type Suggestion = {
  documentId: string;
  start: number;
  end: number;
  quote: string;
  score: number;
  reason: string;
  relationHint?: "agrees?" | "contradicts?";
};

export const suggestionKey = (item: { documentId: string; start: number; end: number }) =>
  `${item.documentId}:${item.start}:${item.end}`;

// A hint is never a verdict: the words say so.
export const HINT_TEXT: Record<NonNullable<Suggestion["relationHint"]>, string> = {
  "agrees?": "hint: may agree",
  "contradicts?": "hint: may contradict",
};
export const HINT_RELATION: Record<NonNullable<Suggestion["relationHint"]>, Relation> = {
  "agrees?": "agrees",
  "contradicts?": "contradicts",
};

// The visual language of the debate: one color and one mark per stance and relation.
import { STANCES, type ReplyStance, type Stance } from "@/lib/validations/debate";

export { STANCES, type ReplyStance, type Stance };

// `unknown` is shown, never offered: imported replies that stated no stance.
export const STANCE_LABEL: Record<ReplyStance, string> = {
  supports: "Supports",
  opposes: "Opposes",
  qualifies: "Qualifies",
  asks: "Asks",
  unknown: "Stance unknown",
};
export const STANCE_MARK: Record<ReplyStance, string> = {
  supports: "+",
  opposes: "−",
  qualifies: "~",
  asks: "?",
  unknown: "·",
};
export const STANCE_STYLE: Record<ReplyStance, string> = {
  unknown: "bg-stone-50 text-stone-600 ring-stone-300 dark:bg-stone-900 dark:text-stone-400 dark:ring-stone-700",
  supports:
    "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-800",
  opposes: "bg-rose-50 text-rose-800 ring-rose-300 dark:bg-rose-950 dark:text-rose-300 dark:ring-rose-800",
  qualifies: "bg-amber-50 text-amber-800 ring-amber-300 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-800",
  asks: "bg-sky-50 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-800",
};
export const STANCE_RULE: Record<ReplyStance, string> = {
  unknown: "border-stone-300 dark:border-stone-700",
  supports: "border-emerald-400 dark:border-emerald-700",
  opposes: "border-rose-400 dark:border-rose-700",
  qualifies: "border-amber-400 dark:border-amber-700",
  asks: "border-sky-400 dark:border-sky-700",
};

export const RELATIONS = ["contradicts", "agrees", "qualifies", "elaborates"] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABEL: Record<Relation, string> = {
  agrees: "Agrees",
  contradicts: "Contradicts",
  qualifies: "Qualifies",
  elaborates: "Elaborates",
};
// Hex for canvases and SVG (the map and the compare view's connectors).
export const RELATION_COLOR: Record<Relation, string> = {
  agrees: "#059669",
  contradicts: "#e11d48",
  qualifies: "#d97706",
  elaborates: "#2563eb",
};
// Text in a relation's color, legible on light and dark backgrounds (the hex above is not, as text).
export const RELATION_TEXT: Record<Relation, string> = {
  agrees: "text-emerald-700 dark:text-emerald-400",
  contradicts: "text-rose-700 dark:text-rose-400",
  qualifies: "text-amber-700 dark:text-amber-400",
  elaborates: "text-blue-700 dark:text-blue-400",
};
// How the other end reads from this passage: "contradicted by", "agreed with by"…
export const RELATION_PASSIVE: Record<Relation, string> = {
  agrees: "agreed with by",
  contradicts: "contradicted by",
  qualifies: "qualified by",
  elaborates: "elaborated by",
};

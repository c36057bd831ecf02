// The bibliography styles reports offer (lib/citations/references.ts formats them).
export const CITATION_STYLES = ["apa", "chicago"] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

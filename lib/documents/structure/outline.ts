import { CodePointIndex } from "@/lib/anchoring/code-points";
import type { Block } from "./blocks";

export type OutlineEntry = { start: number; level: number; text: string; page?: number };

const MAX_ENTRY = 120;

// The headings of a document, for the reader's outline: where each starts
// (the reader's heading ids are "s-<start>"), its level and its text.
export function outlineOf(text: string, blocks: Block[]): OutlineEntry[] {
  const index = new CodePointIndex(text);
  return blocks
    .filter((block) => block.type === "heading")
    .map((block) => {
      const heading = text.slice(index.toUtf16(block.start), index.toUtf16(block.end)).replace(/\s+/g, " ").trim();
      return {
        start: block.start,
        level: block.level ?? 2,
        text: heading.length > MAX_ENTRY ? `${heading.slice(0, MAX_ENTRY - 1)}…` : heading,
        ...(block.page ? { page: block.page } : {}),
      };
    });
}

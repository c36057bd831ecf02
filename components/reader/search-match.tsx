"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { offsetsToRange } from "./text-offsets";
import { useReaderTextKey } from "./use-reader-text-key";

// A search result opens the reader at `?match=start-end` (code points): the words are
// highlighted with the CSS Custom Highlight API (no change to the text's DOM) and
// scrolled into the middle of the view once. The highlight is drawn again whenever the
// marked text is replaced (it may arrive after this runs, or come back with new highlights).
export function SearchMatch() {
  const match = useSearchParams().get("match");
  const textKey = useReaderTextKey();
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    const [start, end] = (match ?? "").split("-").map(Number);
    const root = document.querySelector<HTMLElement>("[data-reader-text]");
    if (!root || !Number.isInteger(start) || !Number.isInteger(end) || end! <= start!) return;
    const range = offsetsToRange(root, start!, end!);
    if (!range) return;
    const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    const Highlight = (window as unknown as { Highlight?: new (range: Range) => unknown }).Highlight;
    if (highlights && Highlight) highlights.set("search-match", new Highlight(range));
    const target = range.startContainer.parentElement;
    target?.setAttribute("data-search-match", "");
    if (scrolledTo.current !== match) target?.scrollIntoView({ block: "center" });
    scrolledTo.current = match;
    return () => {
      highlights?.delete("search-match");
      target?.removeAttribute("data-search-match");
    };
  }, [match, textKey]);
  return null;
}

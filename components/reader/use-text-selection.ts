"use client";

import { useEffect, useState, type RefObject } from "react";
import { rangeToOffsets } from "./text-offsets";

export type TextSelection = { start: number; end: number; quote: string; rect: DOMRect };

// The current selection inside the reader text, as code-point offsets, however
// it was made (mouse, touch, keyboard).
export function useTextSelection(rootRef: RefObject<HTMLElement | null>) {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  useEffect(() => {
    let frame = 0;
    const read = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const root = rootRef.current;
        const current = window.getSelection();
        if (!root || !current || current.rangeCount === 0) return setSelection(null);
        const range = current.getRangeAt(0);
        const offsets = rangeToOffsets(root, range);
        if (!offsets) return setSelection(null);
        setSelection({ ...offsets, quote: range.toString(), rect: range.getBoundingClientRect() });
      });
    };
    document.addEventListener("selectionchange", read);
    window.addEventListener("scroll", read, { passive: true });
    // The text is in the page's HTML, so a reader can select before the page has hydrated.
    read();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", read);
      window.removeEventListener("scroll", read);
    };
  }, [rootRef]);
  return selection;
}

"use client";

import { useEffect, useRef, type RefObject } from "react";
import { annotationIdsOf } from "./highlight-marks";

// Calls back with the first annotation highlighted in the paragraphs on
// screen as the reader scrolls. It watches paragraphs, not marks (a few dozen
// targets instead of thousands), and keeps no React state: following the
// reading position must not re-render a panel of a thousand cards.
export function useVisibleAnnotation(
  rootRef: RefObject<HTMLElement | null>,
  onChange: (id: string) => void,
  dependency: unknown,
) {
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => {
    const root = rootRef.current;
    if (!root || typeof IntersectionObserver === "undefined") return;
    const paragraphs = Array.from(root.querySelectorAll<HTMLElement>("[data-o]"));
    const onScreen = new Set<HTMLElement>();
    let current: string | null = null;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) onScreen.add(entry.target as HTMLElement);
        else onScreen.delete(entry.target as HTMLElement);
      }
      let first: HTMLElement | null = null;
      for (const paragraph of onScreen)
        if (!first || Number(paragraph.dataset.o) < Number(first.dataset.o)) first = paragraph;
      const mark = first
        ? paragraphs
            .slice(paragraphs.indexOf(first))
            .map((paragraph) => paragraph.querySelector<HTMLElement>("mark[data-a]"))
            .find(Boolean)
        : null;
      const id = mark ? (annotationIdsOf(root, mark)[0] ?? null) : null;
      if (id && id !== current) {
        current = id;
        callback.current(id);
      }
    });
    paragraphs.forEach((paragraph) => observer.observe(paragraph));
    return () => observer.disconnect();
  }, [rootRef, dependency]);
}

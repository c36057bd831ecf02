"use client";

import { useEffect, useState, type RefObject } from "react";

// The first annotation whose highlight is on screen, as the reader scrolls.
export function useVisibleAnnotation(rootRef: RefObject<HTMLElement | null>, dependency: unknown) {
  const [visibleId, setVisibleId] = useState<string | null>(null);
  useEffect(() => {
    const root = rootRef.current;
    if (!root || typeof IntersectionObserver === "undefined") return;
    const onScreen = new Set<HTMLElement>();
    let frame = 0;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) onScreen.add(entry.target as HTMLElement);
        else onScreen.delete(entry.target as HTMLElement);
      }
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        let first: HTMLElement | null = null;
        for (const mark of onScreen) if (!first || Number(mark.dataset.o) < Number(first.dataset.o)) first = mark;
        setVisibleId(first?.dataset.ids?.split(" ")[0] ?? null);
      });
    });
    root.querySelectorAll("mark[data-ids]").forEach((mark) => observer.observe(mark));
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [rootRef, dependency]);
  return visibleId;
}

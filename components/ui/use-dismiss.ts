"use client";

import { useEffect, type RefObject } from "react";

// Closes a popover on Escape or on a click outside its container.
export function useDismiss(open: boolean, container: RefObject<HTMLElement | null>, onDismiss: () => void) {
  useEffect(() => {
    if (!open) return;
    const dismiss = (event: MouseEvent | KeyboardEvent) => {
      const outside =
        event instanceof KeyboardEvent ? event.key === "Escape" : !container.current?.contains(event.target as Node);
      if (outside) onDismiss();
    };
    document.addEventListener("mousedown", dismiss);
    document.addEventListener("keydown", dismiss);
    return () => {
      document.removeEventListener("mousedown", dismiss);
      document.removeEventListener("keydown", dismiss);
    };
  }, [open, container, onDismiss]);
}

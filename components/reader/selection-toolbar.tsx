"use client";

import { SWATCH, type AnnotationColor } from "./color-picker";
import { ANNOTATION_COLORS } from "@/lib/annotations/colors";

// Floating toolbar over a text selection: highlight (in a color) or annotate.
export function SelectionToolbar({
  rect,
  onHighlight,
  onAnnotate,
}: {
  rect: DOMRect;
  onHighlight: (color: AnnotationColor) => void;
  onAnnotate: () => void;
}) {
  // On touch screens the system's own selection menu sits above the selection: go below it.
  const isTouch = window.matchMedia("(pointer: coarse)").matches;
  const top = isTouch ? Math.min(rect.bottom + 12, window.innerHeight - 56) : Math.max(8, rect.top - 48);
  const left = Math.min(Math.max(8, rect.left + rect.width / 2 - 130), window.innerWidth - 268);
  return (
    <div
      role="toolbar"
      aria-label="Selected passage"
      data-testid="selection-toolbar"
      style={{ top, left }}
      className="fixed z-40 flex items-center gap-1 rounded-lg border border-stone-200 bg-white p-1 shadow-lg dark:border-stone-700 dark:bg-stone-900"
      onMouseDown={(event) => event.preventDefault()}
    >
      <button
        type="button"
        onClick={onAnnotate}
        className="rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800"
        title="Annotate (A)"
      >
        Annotate <kbd className="ml-1 text-xs text-stone-400">A</kbd>
      </button>
      <span className="mx-1 h-5 w-px bg-stone-200 dark:bg-stone-700" aria-hidden />
      <span className="px-1 text-xs text-stone-500">Highlight</span>
      {ANNOTATION_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          onClick={() => onHighlight(color)}
          aria-label={`Highlight in ${color}${color === "yellow" ? " (H)" : ""}`}
          title={`Highlight in ${color}`}
          className="grid size-7 place-items-center rounded-md hover:bg-stone-100 dark:hover:bg-stone-800"
        >
          <span className={`size-4 rounded-full ${SWATCH[color]}`} />
        </button>
      ))}
    </div>
  );
}

"use client";

import { ANNOTATION_COLORS, type AnnotationColor } from "@/lib/annotations/colors";

export type { AnnotationColor };

export const SWATCH: Record<AnnotationColor, string> = {
  yellow: "bg-yellow-300",
  green: "bg-green-400",
  blue: "bg-blue-400",
  pink: "bg-pink-400",
  purple: "bg-violet-400",
};

export function ColorPicker({
  value,
  onChange,
}: {
  value: AnnotationColor;
  onChange: (color: AnnotationColor) => void;
}) {
  return (
    <div role="radiogroup" aria-label="Highlight color" className="flex gap-1.5">
      {ANNOTATION_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          role="radio"
          aria-checked={value === color}
          aria-label={color}
          title={color}
          onClick={() => onChange(color)}
          className={`size-5 rounded-full ring-offset-1 ring-offset-white dark:ring-offset-stone-900 ${SWATCH[color]} ${value === color ? "ring-2 ring-stone-800 dark:ring-stone-100" : ""}`}
        />
      ))}
    </div>
  );
}

"use client";

import { useRef, useState, type ReactNode } from "react";
import { useDismiss } from "./use-dismiss";

type MenuProps = {
  trigger: ReactNode;
  triggerLabel?: string;
  triggerClassName: string;
  align?: "left" | "right";
  panelClassName?: string;
  // Receives a function that closes the menu (for links and actions inside it).
  children: (close: () => void) => ReactNode;
};

// A button that opens a dropdown menu; Escape or a click outside closes it.
export function Menu({
  trigger,
  triggerLabel,
  triggerClassName,
  align = "left",
  panelClassName = "w-64",
  children,
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const close = () => setOpen(false);
  useDismiss(open, container, close);
  return (
    <div ref={container} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={triggerLabel}
        onClick={() => setOpen((value) => !value)}
        className={triggerClassName}
      >
        {trigger}
      </button>
      {open ? (
        <div
          role="menu"
          className={`absolute z-30 mt-2 overflow-hidden rounded-lg border border-stone-200 bg-white py-1 shadow-lg dark:border-stone-700 dark:bg-stone-900 ${align === "right" ? "right-0" : "left-0"} ${panelClassName}`}
        >
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}

export const menuItemClass = "block w-full px-3 py-2 text-left text-sm hover:bg-stone-100 dark:hover:bg-stone-800";
export const menuSeparator = <div className="my-1 border-t border-stone-200 dark:border-stone-700" />;

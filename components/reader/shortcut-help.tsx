"use client";

import { useEffect, useRef } from "react";

const SHORTCUTS: Array<[string, string]> = [
  ["] / [", "Select the next / previous sentence"],
  ["Shift + ] / [", "Extend the selection by a sentence"],
  ["A", "Annotate the selection"],
  ["H", "Highlight the selection"],
  ["J / K", "Next / previous annotation"],
  ["Ctrl + Enter", "Save a comment"],
  ["Esc", "Clear the selection or close"],
  ["?", "Show or hide this help"],
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto w-full max-w-md rounded-xl border border-stone-200 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-black/40 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
    >
      <h2 id="shortcuts-title" className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-stone-300 px-1.5 py-0.5 text-xs dark:border-stone-600">{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800">
          Close
        </button>
      </form>
    </dialog>
  );
}

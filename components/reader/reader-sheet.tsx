"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

// A bottom sheet over the text on narrow screens: a modal dialog (focus moves into it
// and stays there, Esc or the close button or a tap outside closes it).
export function ReaderSheet({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="reader-sheet"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => event.target === dialog.current && onClose()}
      className="fixed inset-x-0 top-auto bottom-0 m-0 max-h-[80dvh] w-full max-w-none overflow-y-auto overscroll-contain rounded-t-2xl border-t border-stone-200 bg-stone-50 p-0 text-stone-900 shadow-2xl backdrop:bg-black/40 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-stone-200 bg-stone-50 px-4 py-2 dark:border-stone-800 dark:bg-stone-950">
        <h2 id={titleId} className="text-sm font-semibold">
          {title}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-stone-200 dark:hover:bg-stone-800"
        >
          Close
        </button>
      </div>
      <div className="p-3">{children}</div>
    </dialog>
  );
}

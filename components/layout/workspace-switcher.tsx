"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";

type WorkspaceOption = { id: string; name: string; role: string | null };

export function WorkspaceSwitcher({ workspaces }: { workspaces: WorkspaceOption[] }) {
  const params = useParams<{ id?: string }>();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const current = workspaces.find((workspace) => workspace.id === params.id);

  useDismiss(open, container, () => setOpen(false));

  return (
    <div ref={container} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className="flex max-w-44 items-center sm:max-w-56 gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-stone-200/70 dark:hover:bg-stone-800"
      >
        <span className="truncate">{current?.name ?? "Workspaces"}</span>
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-current opacity-60">
          <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.6" fill="none" />
        </svg>
      </button>
      {open ? (
        <div role="menu" className="absolute left-0 z-30 mt-1 w-72 overflow-hidden rounded-lg border border-stone-200 bg-white py-1 shadow-lg dark:border-stone-700 dark:bg-stone-900">
          {workspaces.length === 0 ? <p className="px-3 py-2 text-sm text-stone-500">No workspaces yet.</p> : null}
          {workspaces.map((workspace) => (
            <Link
              key={workspace.id}
              role="menuitem"
              href={`/workspaces/${workspace.id}`}
              onClick={() => setOpen(false)}
              aria-current={workspace.id === params.id ? "page" : undefined}
              className="flex items-center justify-between gap-3 px-3 py-2 text-sm hover:bg-stone-100 aria-[current=page]:font-semibold dark:hover:bg-stone-800"
            >
              <span className="truncate">{workspace.name}</span>
              <span className="text-xs capitalize text-stone-500">{workspace.role}</span>
            </Link>
          ))}
          <div className="my-1 border-t border-stone-200 dark:border-stone-700" />
          <Link role="menuitem" href="/workspaces#new" onClick={() => setOpen(false)} className="block px-3 py-2 text-sm text-accent-600 hover:bg-stone-100 dark:text-accent-100 dark:hover:bg-stone-800">
            + New workspace
          </Link>
        </div>
      ) : null}
    </div>
  );
}

"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";

export function AccountMenu({ name, email }: { name: string; email: string }) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

  useDismiss(open, container, () => setOpen(false));

  return (
    <div ref={container} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Account menu for ${name}`}
        onClick={() => setOpen((value) => !value)}
        className="flex h-8 w-8 items-center justify-center rounded-full bg-accent-600 text-xs font-semibold text-white hover:bg-accent-700"
      >
        {initials || "?"}
      </button>
      {open ? (
        <div role="menu" className="absolute right-0 z-30 mt-2 w-64 overflow-hidden rounded-lg border border-stone-200 bg-white py-1 shadow-lg dark:border-stone-700 dark:bg-stone-900">
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-stone-500">{email}</p>
          </div>
          <div className="my-1 border-t border-stone-200 dark:border-stone-700" />
          <Link role="menuitem" href="/workspaces" onClick={() => setOpen(false)} className="block px-3 py-2 text-sm hover:bg-stone-100 dark:hover:bg-stone-800">
            All workspaces
          </Link>
          <Link role="menuitem" href="/settings/tokens" onClick={() => setOpen(false)} className="block px-3 py-2 text-sm hover:bg-stone-100 dark:hover:bg-stone-800">
            Access tokens
          </Link>
          <button role="menuitem" type="button" onClick={() => signOut({ callbackUrl: "/signin" })} className="block w-full px-3 py-2 text-left text-sm hover:bg-stone-100 dark:hover:bg-stone-800">
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}

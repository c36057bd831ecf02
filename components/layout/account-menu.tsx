"use client";

import Link from "next/link";
import { signOut, signOutEverywhere } from "@/lib/client/sign-out";
import { Menu, menuItemClass, menuSeparator } from "@/components/ui/menu";

export function AccountMenu({ name, email }: { name: string; email: string }) {
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <Menu
      align="right"
      trigger={initials || "?"}
      triggerLabel={`${initials || "?"}: Account menu for ${name}`}
      triggerClassName="flex h-8 w-8 items-center justify-center rounded-full bg-accent-600 text-xs font-semibold text-white hover:bg-accent-700"
    >
      {(close) => (
        <>
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-stone-500">{email}</p>
          </div>
          {menuSeparator}
          <Link role="menuitem" href="/workspaces" onClick={close} className={menuItemClass}>
            All workspaces
          </Link>
          <Link role="menuitem" href="/settings/account" onClick={close} className={menuItemClass}>
            Account and password
          </Link>
          <Link role="menuitem" href="/settings/tokens" onClick={close} className={menuItemClass}>
            Access tokens
          </Link>
          <Link role="menuitem" href="/settings/notifications" onClick={close} className={menuItemClass}>
            Notification settings
          </Link>
          <button role="menuitem" type="button" onClick={() => void signOut()} className={menuItemClass}>
            Sign out
          </button>
          <button role="menuitem" type="button" onClick={() => void signOutEverywhere()} className={menuItemClass}>
            Sign out everywhere
          </button>
        </>
      )}
    </Menu>
  );
}

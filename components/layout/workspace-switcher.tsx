"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { Menu, menuItemClass, menuSeparator } from "@/components/ui/menu";
import { useCurrentWorkspaceId } from "./current-workspace";

type WorkspaceOption = { id: string; name: string; role: string | null };

export function WorkspaceSwitcher({ workspaces }: { workspaces: WorkspaceOption[] }) {
  const params = useParams<{ id?: string }>();
  const announced = useCurrentWorkspaceId();
  const currentId = announced ?? params.id;
  const current = workspaces.find((workspace) => workspace.id === currentId);
  return (
    <Menu
      panelClassName="w-72"
      triggerClassName="flex max-w-44 items-center gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-stone-200/70 sm:max-w-56 dark:hover:bg-stone-800"
      trigger={
        <>
          <span className="truncate">{current?.name ?? "Workspaces"}</span>
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 opacity-60">
            <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.6" fill="none" />
          </svg>
        </>
      }
    >
      {(close) => (
        <>
          {workspaces.length === 0 ? <p className="px-3 py-2 text-sm text-stone-500">No workspaces yet.</p> : null}
          {workspaces.map((workspace) => (
            <Link
              key={workspace.id}
              role="menuitem"
              href={`/workspaces/${workspace.id}`}
              onClick={close}
              aria-current={workspace.id === currentId ? "page" : undefined}
              className={`${menuItemClass} flex items-center justify-between gap-3 aria-[current=page]:font-semibold`}
            >
              <span className="truncate">{workspace.name}</span>
              <span className="text-xs capitalize text-stone-500">{workspace.role}</span>
            </Link>
          ))}
          {menuSeparator}
          <Link
            role="menuitem"
            href="/workspaces#new"
            onClick={close}
            className={`${menuItemClass} text-accent-600 dark:text-accent-100`}
          >
            + New workspace
          </Link>
        </>
      )}
    </Menu>
  );
}

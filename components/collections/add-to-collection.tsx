"use client";

import { useState } from "react";
import { Menu, menuItemClass, menuSeparator } from "@/components/ui/menu";
import { apiFetch } from "@/lib/client/api-fetch";

type CollectionOption = { id: string; title: string; itemCount: number };

// For moderators reading a thread: put this passage (or link) into one of the
// workspace's collections without leaving the page.
export function AddToCollection({
  workspaceId,
  type,
  id,
}: {
  workspaceId: string;
  type: "annotation" | "link";
  id: string;
}) {
  const [collections, setCollections] = useState<CollectionOption[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = async () => {
    const result = await apiFetch<{ items: CollectionOption[] }>(`/api/v1/workspaces/${workspaceId}/collections`);
    setCollections(result.ok ? result.data.items : []);
  };
  return (
    <div
      className="flex items-center gap-2"
      onFocus={() => collections === null && void load()}
      onMouseEnter={() => collections === null && void load()}
    >
      <Menu
        trigger="+ Add to collection"
        triggerClassName="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        panelClassName="w-72"
      >
        {(close) => (
          <>
            {collections === null ? <p className="px-3 py-2 text-sm text-stone-500">Loading collections…</p> : null}
            {collections?.length === 0 ? <p className="px-3 py-2 text-sm text-stone-500">No collections yet.</p> : null}
            {collections?.map((collection) => (
              <button
                key={collection.id}
                type="button"
                role="menuitem"
                className={menuItemClass}
                onClick={async () => {
                  close();
                  const result = await apiFetch(`/api/v1/collections/${collection.id}/items`, { body: { type, id } });
                  setMessage(result.ok ? `Added to “${collection.title}”.` : result.error.message);
                }}
              >
                {collection.title} <span className="text-stone-400">({collection.itemCount})</span>
              </button>
            ))}
            {menuSeparator}
            <a href={`/workspaces/${workspaceId}/collections`} className={menuItemClass} role="menuitem">
              Manage collections…
            </a>
          </>
        )}
      </Menu>
      {message ? (
        <span role="status" className="text-xs text-stone-600 dark:text-stone-400">
          {message}
        </span>
      ) : null}
    </div>
  );
}

"use client";

import { useEffect, useSyncExternalStore } from "react";

// Pages outside /workspaces/{id} (a document's reader) say which workspace they belong to,
// so the header's switcher can name it: the header sits above those pages' layouts.
let current: string | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const set = (id: string | null) => {
  current = id;
  for (const listener of listeners) listener();
};

export function CurrentWorkspace({ id }: { id: string }) {
  useEffect(() => {
    set(id);
    return () => set(null);
  }, [id]);
  return null;
}

export const useCurrentWorkspaceId = () =>
  useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );

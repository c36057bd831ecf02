"use client";

import { useCallback, useState } from "react";

// A counter per thread, bumped when a live event says the thread changed; open
// ThreadViews read their thread again when theirs moves.
export function useThreadRevisions() {
  const [revisions, setRevisions] = useState<Record<string, number>>({});
  const bump = useCallback(
    (threadId: string) => setRevisions((current) => ({ ...current, [threadId]: (current[threadId] ?? 0) + 1 })),
    [],
  );
  // Every open thread reads itself again (after a reconnection).
  const bumpAll = useCallback(
    () => setRevisions((current) => Object.fromEntries(Object.entries(current).map(([id, value]) => [id, value + 1]))),
    [],
  );
  return { revisions, bump, bumpAll };
}

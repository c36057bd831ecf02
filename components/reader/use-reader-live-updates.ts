"use client";

import { useRef } from "react";
import { RESYNC, useLiveEvents, type LiveChange } from "@/components/debate/use-live-events";
import { useThreadRevisions } from "@/components/debate/use-thread-revisions";

// Other people's changes to this document arrive as events; what changed is read
// again through the API: the highlighted text, the links, the open threads, the cards.
export function useReaderLiveUpdates(
  workspaceId: string,
  documentId: string,
  reload: { text: () => void; links: () => void; cards: () => void },
) {
  const { revisions, bump, bumpAll } = useThreadRevisions();
  const reloadSoon = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChange = (change: LiveChange) => {
    if (change === RESYNC) {
      reload.text();
      reload.links();
      reload.cards();
      bumpAll();
      return;
    }
    if (change.type.startsWith("annotation.") || change.type === "moderation") reload.text();
    if (change.type.startsWith("link.") || change.type === "moderation") reload.links();
    if (change.threadId) bump(change.threadId);
    // Votes change no card; replies change its count, annotations the list. Bursts load once.
    if (change.type === "vote.changed" || change.type.startsWith("link.")) return;
    if (reloadSoon.current) clearTimeout(reloadSoon.current);
    reloadSoon.current = setTimeout(reload.cards, 150);
  };
  const live = useLiveEvents(workspaceId, documentId, onChange);
  return { ...live, threadRevisions: revisions };
}

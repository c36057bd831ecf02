"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

type Target = { targetType: "document" | "annotation"; targetId: string };

// Follow or unfollow a document (every new passage and reply in it) or a thread. Without
// `initial`, asks the API (authors follow their own threads until they unfollow).
export function FollowButton({ targetType, targetId, initial }: Target & { initial?: boolean }) {
  const [following, setFollowing] = useState<boolean | null>(initial ?? null);
  const [isSaving, setSaving] = useState(false);
  useEffect(() => {
    if (initial !== undefined) return;
    void apiFetch<{ following: boolean }>(
      `/api/v1/follows?targetType=${targetType}&targetId=${encodeURIComponent(targetId)}`,
    ).then((result) => result.ok && setFollowing(result.data.following));
  }, [initial, targetType, targetId]);
  if (following === null) return null;
  const what = targetType === "document" ? "document" : "thread";
  const toggle = async () => {
    setSaving(true);
    const result = await apiFetch<{ following: boolean }>("/api/v1/follows", {
      method: following ? "DELETE" : "POST",
      body: { targetType, targetId },
    });
    setSaving(false);
    if (result.ok) setFollowing(result.data.following);
  };
  return (
    <button
      type="button"
      aria-pressed={following}
      disabled={isSaving}
      onClick={() => void toggle()}
      title={following ? `You hear of new activity in this ${what}` : `Hear of new activity in this ${what}`}
      className="inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium text-stone-600 ring-1 ring-stone-300 ring-inset hover:bg-stone-100 aria-pressed:bg-accent-50 aria-pressed:text-accent-700 aria-pressed:ring-accent-500 dark:text-stone-300 dark:ring-stone-700 dark:hover:bg-stone-800"
    >
      {following ? `Following ${what}` : `Follow ${what}`}
    </button>
  );
}

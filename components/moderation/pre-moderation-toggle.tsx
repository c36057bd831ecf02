"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

// Owners switch pre-moderation on or off for the workspace.
export function PreModerationToggle({ workspaceId, isOn }: { workspaceId: string; isOn: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          className="mt-1"
          checked={isOn}
          onChange={async (event) => {
            const result = await apiFetch(`/api/v1/workspaces/${workspaceId}`, {
              method: "PATCH",
              body: { preModeration: event.target.checked },
            });
            if (result.ok) router.refresh();
            else setError(result.error.message);
          }}
        />
        <span>
          <span className="font-medium">Pre-moderation</span>
          <span className="block text-stone-600 dark:text-stone-400">
            New annotations, replies and links from researchers wait here for approval before others see them. Their
            authors see them meanwhile.
          </span>
        </span>
      </label>
      {error ? (
        <p role="alert" className="mt-2 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

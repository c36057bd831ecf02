"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import { apiFetch } from "@/lib/client/api-fetch";

// Moderators start a collection with a title; items, notes and the introduction follow on its page.
export function CreateCollectionForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const { error, isPending, run } = useApiAction();
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      onSubmit={async (event) => {
        event.preventDefault();
        const created = await run(() =>
          apiFetch<{ id: string }>(`/api/v1/workspaces/${workspaceId}/collections`, { body: { title } }),
        );
        if (created) router.push(`/workspaces/${workspaceId}/collections/${created.id}`);
      }}
    >
      <div className="min-w-64 flex-1">
        <TextField
          label="New collection"
          name="collection-title"
          placeholder="e.g. Axis or alignment: the strongest exchanges"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          errors={error?.fields?.title ?? (error ? [error.message] : undefined)}
          required
          maxLength={200}
        />
      </div>
      <Button type="submit" disabled={isPending || !title.trim()}>
        {isPending ? "Creating…" : "Create collection"}
      </Button>
    </form>
  );
}

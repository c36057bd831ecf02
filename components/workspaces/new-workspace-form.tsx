"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useApiAction } from "@/components/ui/use-api-action";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api-fetch";

export function NewWorkspaceForm() {
  const router = useRouter();
  const { error, isPending, run } = useApiAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const created = await run(() =>
      apiFetch<{ id: string }>("/api/v1/workspaces", {
        body: {
          name: form.get("name"),
          visibility: form.get("visibility"),
          description: form.get("description") || undefined,
        },
      }),
    );
    if (!created) return;
    router.push(`/workspaces/${created.id}`);
    router.refresh();
  }

  return (
    <form
      id="new"
      onSubmit={onSubmit}
      className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      noValidate
    >
      <h2 className="font-semibold">New workspace</h2>
      <FormError message={error && !error.fields ? error.message : null} />
      <TextField
        label="Name"
        name="name"
        required
        placeholder="e.g. China–Russia alignment study"
        errors={error?.fields?.name}
      />
      <TextField
        label="Description"
        name="description"
        placeholder="What is this group reading and arguing about?"
        errors={error?.fields?.description}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-700 dark:text-stone-300">Visibility</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="visibility" value="private" defaultChecked className="mt-1" />
          <span>
            <span className="font-medium">Private</span> — only members can see it.
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="visibility" value="public" className="mt-1" />
          <span>
            <span className="font-medium">Public</span> — anyone can read; only members contribute.
          </span>
        </label>
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass, TextField } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import { apiFetch } from "@/lib/client/api-fetch";

// A collection's title and Markdown introduction (rendered and sanitized on the server),
// editable in place by moderators.
export function CollectionHeader({ collectionId, title, description, descriptionHtml, canEdit }: { collectionId: string; title: string; description: string; descriptionHtml: string; canEdit: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ title, description });
  const { error, isPending, run } = useApiAction();
  if (editing) {
    return (
      <form
        className="w-full max-w-3xl space-y-3"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await run(() => apiFetch(`/api/v1/collections/${collectionId}`, { method: "PATCH", body: draft }))) {
            setEditing(false);
            router.refresh();
          }
        }}
      >
        <TextField label="Title" name="collection-title" value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} errors={error?.fields?.title} required maxLength={200} />
        <div className="space-y-1">
          <label htmlFor="collection-introduction" className="block text-sm font-medium text-stone-700 dark:text-stone-300">
            Introduction (Markdown)
          </label>
          <textarea id="collection-introduction" className={inputClass} rows={6} maxLength={20000} value={draft.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} />
        </div>
        {error && !error.fields ? <p className="text-sm text-red-600">{error.message}</p> : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={isPending}>
            {isPending ? "Saving…" : "Save"}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="max-w-3xl">
      <h2 className="font-serif text-2xl font-semibold">{title}</h2>
      {description.trim() ? (
        <div className="annotation-body mt-2 text-stone-700 dark:text-stone-300" dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      ) : canEdit ? (
        <p className="mt-2 text-sm text-stone-500">No introduction yet: say what this collection shows and why these threads matter.</p>
      ) : null}
      {canEdit ? (
        <button type="button" className="mt-2 text-sm text-accent-700 hover:underline dark:text-accent-300" onClick={() => (setDraft({ title, description }), setEditing(true))}>
          Edit title and introduction
        </button>
      ) : null}
    </div>
  );
}

"use client";

import { MarkdownHtml } from "@/components/ui/markdown-html";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass, TextField } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import { apiFetch } from "@/lib/client/api-fetch";

// A collection's title and Markdown introduction (rendered and sanitized on the server),
// editable in place by moderators.
export function CollectionHeader({
  workspaceId,
  collectionId,
  title,
  description,
  descriptionHtml,
  canEdit,
}: {
  workspaceId: string;
  collectionId: string;
  title: string;
  description: string;
  descriptionHtml: string;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [draft, setDraft] = useState({ title, description });
  const { error, isPending, run, setError } = useApiAction();
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
        <TextField
          label="Title"
          name="collection-title"
          value={draft.title}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
          errors={error?.fields?.title}
          required
          maxLength={200}
        />
        <div className="space-y-1">
          <label
            htmlFor="collection-introduction"
            className="block text-sm font-medium text-stone-700 dark:text-stone-300"
          >
            Introduction (Markdown)
          </label>
          <textarea
            id="collection-introduction"
            className={inputClass}
            rows={6}
            maxLength={20000}
            value={draft.description}
            onChange={(event) => setDraft({ ...draft, description: event.target.value })}
          />
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
        <MarkdownHtml
          html={descriptionHtml}
          className="mt-2 text-stone-700 dark:text-stone-300"
          testId="collection-introduction"
        />
      ) : canEdit ? (
        <p className="mt-2 text-sm text-stone-500">
          No introduction yet: say what this collection shows and why these threads matter.
        </p>
      ) : null}
      {canEdit ? (
        <div className="mt-2 flex flex-wrap items-center gap-4 text-sm">
          <button
            type="button"
            className="text-accent-700 hover:underline dark:text-accent-300"
            onClick={() => (setDraft({ title, description }), setEditing(true))}
          >
            Edit title and introduction
          </button>
          {confirmingDelete ? (
            <span className="flex items-center gap-2">
              <span className="text-stone-600 dark:text-stone-400">
                Delete this collection? Its passages and links stay.
              </span>
              <button
                type="button"
                className="font-medium text-red-700 hover:underline"
                onClick={async () => {
                  const result = await apiFetch(`/api/v1/collections/${collectionId}`, { method: "DELETE" });
                  if (result.ok) router.push(`/workspaces/${workspaceId}/collections`);
                  else setError(result.error);
                }}
              >
                Delete
              </button>
              <button
                type="button"
                className="text-stone-500 hover:underline"
                onClick={() => setConfirmingDelete(false)}
              >
                Keep it
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="text-stone-500 hover:text-red-700 hover:underline"
              onClick={() => setConfirmingDelete(true)}
            >
              Delete collection
            </button>
          )}
          {error && !editing ? <span className="text-red-600">{error.message}</span> : null}
        </div>
      ) : null}
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import { apiFetch } from "@/lib/client/api-fetch";
import { MetadataFields, metadataFromForm, type MetadataDefaults } from "./metadata-fields";

export function EditDocumentForm({
  documentId,
  workspaceId,
  metadataVersion,
  defaults,
}: {
  documentId: string;
  workspaceId: string;
  metadataVersion: number;
  defaults: MetadataDefaults;
}) {
  const router = useRouter();
  const { error, isPending, run } = useApiAction();
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await run(() =>
      apiFetch(`/api/v1/documents/${documentId}`, {
        method: "PATCH",
        body: { ...metadataFromForm(new FormData(event.currentTarget)), metadataVersion },
      }),
    );
    if (saved) {
      router.push(`/documents/${documentId}`);
      router.refresh();
    }
  }

  async function onDelete() {
    const deleted = await run(() => apiFetch(`/api/v1/documents/${documentId}`, { method: "DELETE" }));
    if (deleted !== null) {
      router.push(`/workspaces/${workspaceId}`);
      router.refresh();
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      className="max-w-3xl space-y-5 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      noValidate
    >
      <MetadataFields error={error} defaults={defaults} />
      <FormError message={error?.message} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save details"}
        </Button>
        {isConfirmingDelete ? (
          <span className="flex items-center gap-2 text-sm">
            Delete this document and hide its annotations?
            <Button type="button" variant="danger" onClick={onDelete}>
              Delete
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirmingDelete(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <Button type="button" variant="danger" onClick={() => setConfirmingDelete(true)}>
            Delete document
          </Button>
        )}
      </div>
    </form>
  );
}

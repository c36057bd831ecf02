"use client";

import { ReaderLink } from "@/components/reader/reader-link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { fileInputClass, FormError, inputClass } from "@/components/ui/field";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import { uploadWithProgress } from "@/lib/client/upload";
import { ModeChoice } from "./mode-choice";
import { ProgressBar } from "./progress-bar";

type RevisionResult = {
  document: { version: number };
  reanchoring: { anchored: number; moved: number; orphaned: number };
};

// A new version, as an uploaded file or by editing the text in place; every
// annotation is re-anchored and the outcome is reported.
export function ReviseDocumentForm({
  documentId,
  version,
  text,
}: {
  documentId: string;
  version: number;
  text: string;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<"edit" | "file">("file");
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<RevisionResult | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const url = `/api/v1/documents/${documentId}/text`;
    let response;
    if (mode === "file") {
      const file = form.get("file");
      if (!(file instanceof File) || !file.size)
        return setError({ code: "invalid_input", message: "Choose the file of the new version." });
      const upload = new FormData();
      upload.append("file", file);
      upload.append("version", String(version));
      setProgress(0);
      response = await uploadWithProgress<RevisionResult>(
        url,
        upload,
        (fraction) => setProgress(fraction < 1 ? fraction : null),
        "PUT",
      );
    } else {
      setProgress(null);
      response = await apiFetch<RevisionResult>(url, { method: "PUT", body: { text: form.get("text"), version } });
    }
    setProgress(undefined);
    if (!response.ok) return setError(response.error);
    setResult(response.data);
    router.refresh();
  }

  if (result) {
    const { anchored, moved, orphaned } = result.reanchoring;
    return (
      <div
        className="max-w-3xl space-y-3 rounded-xl border border-emerald-300 bg-emerald-50 p-5 dark:border-emerald-800 dark:bg-emerald-950/40"
        role="status"
        data-testid="revision-result"
      >
        <p className="font-semibold">Version {result.document.version} saved.</p>
        <ul className="list-disc pl-5 text-sm">
          <li>
            {anchored} annotation{anchored === 1 ? "" : "s"} anchored exactly
          </li>
          <li>{moved} re-anchored to edited text — marked “please check”</li>
          <li>{orphaned} orphaned — their passages are gone; they are listed with their original quotes</li>
        </ul>
        <ReaderLink
          href={`/documents/${documentId}`}
          className="inline-block text-sm font-medium text-accent-600 underline"
        >
          Back to the document
        </ReaderLink>
      </div>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      className="max-w-3xl space-y-4 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      noValidate
    >
      <ModeChoice
        legend="New version from"
        options={{ file: "Upload a file", edit: "Edit the text" }}
        value={mode}
        onChange={setMode}
      />
      {mode === "file" ? (
        <input
          type="file"
          name="file"
          accept=".txt,.md,.markdown,.html,.htm,.pdf,.docx"
          aria-label="New version file"
          className={fileInputClass}
        />
      ) : (
        <textarea
          name="text"
          defaultValue={text}
          rows={20}
          aria-label="Document text"
          className={`${inputClass} font-serif`}
        />
      )}
      <FormError message={error?.message} />
      {progress !== undefined ? (
        <ProgressBar
          fraction={progress}
          label={progress === null ? "Re-anchoring annotations…" : `Uploading… ${Math.round(progress * 100)}%`}
        />
      ) : null}
      <Button type="submit" disabled={progress !== undefined}>
        Save as version {version + 1}
      </Button>
    </form>
  );
}

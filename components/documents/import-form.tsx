"use client";

import { useRouter } from "next/navigation";
import { useState, type DragEvent, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import { filesFromDrop, type PickedFile } from "@/lib/client/dropped-files";
import { uploadWithProgress } from "@/lib/client/upload";
import { BulkImport } from "./bulk-import";
import { MetadataFields, metadataFromForm } from "./metadata-fields";
import { ModeChoice } from "./mode-choice";
import { ProgressBar } from "./progress-bar";

const ACCEPT = ".txt,.md,.markdown,.html,.htm,.pdf,.docx";

export function ImportForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<"file" | "url" | "paste" | "many">("file");
  const [manyFiles, setManyFiles] = useState<PickedFile[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [isDragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const isBusy = progress !== undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const url = `/api/v1/workspaces/${workspaceId}/documents`;
    let result;
    if (mode === "file") {
      if (!file) return setError({ code: "invalid_input", message: "Choose a file to import." });
      const upload = new FormData();
      upload.append("file", file);
      for (const name of ["title", "authors", "sourceUrl", "publishedAt"]) {
        const value = String(form.get(name) ?? "").trim();
        if (value) upload.append(name, value);
      }
      setProgress(0);
      result = await uploadWithProgress<{ id: string }>(url, upload, (fraction) =>
        setProgress(fraction < 1 ? fraction : null),
      );
    } else if (mode === "url") {
      const address = String(form.get("url") ?? "").trim();
      if (!address) return setError({ code: "invalid_input", message: "Paste the article's address.", fields: {} });
      const { publishedAt, authors, title } = metadataFromForm(form);
      setProgress(null);
      result = await apiFetch<{ id: string }>(url, {
        // Left empty, the title, authors and date come from the page itself.
        body: {
          url: address,
          title,
          authors: authors.length ? authors : undefined,
          publishedAt: publishedAt ?? undefined,
        },
      });
    } else {
      const { publishedAt, sourceUrl, authors, title } = metadataFromForm(form);
      setProgress(null);
      result = await apiFetch<{ id: string }>(url, {
        body: {
          title,
          authors,
          sourceUrl: sourceUrl ?? undefined,
          publishedAt: publishedAt ?? undefined,
          [String(form.get("format"))]: form.get("content"),
        },
      });
    }
    if (!result.ok) {
      setProgress(undefined);
      return setError(result.error);
    }
    router.push(`/documents/${result.data.id}`);
  }

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    // Several files or a folder go to the many-file list.
    const entry = event.dataTransfer.items[0]?.webkitGetAsEntry?.();
    if (event.dataTransfer.files.length === 1 && !entry?.isDirectory) return setFile(event.dataTransfer.files[0]!);
    void filesFromDrop(event.dataTransfer).then((picked) => {
      setManyFiles(picked);
      setMode("many");
    });
  };

  const modeChoice = (
    <ModeChoice
      legend="Source"
      options={{
        file: "Upload a file",
        url: "From a web address",
        paste: "Paste text",
        many: "Many files or a folder",
      }}
      value={mode}
      onChange={(next) => {
        setManyFiles([]); // dropped files are listed once, not again on coming back
        setMode(next);
      }}
    />
  );
  if (mode === "many")
    return (
      <div className="max-w-3xl space-y-5 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        {modeChoice}
        <BulkImport workspaceId={workspaceId} initialFiles={manyFiles} />
      </div>
    );

  return (
    <form
      onSubmit={onSubmit}
      className="max-w-3xl space-y-5 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      noValidate
    >
      {modeChoice}
      {mode === "file" ? (
        <label
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-6 py-10 text-center text-sm ${isDragging ? "border-accent-500 bg-accent-50 dark:bg-accent-700/20" : "border-stone-300 dark:border-stone-700"}`}
        >
          <span className="font-medium">{file ? file.name : "Drop a file here, or click to choose one"}</span>
          <span className="text-xs text-stone-500">
            {file
              ? `${(file.size / 1024).toFixed(0)} KiB`
              : "Text, Markdown, HTML, PDF (with a text layer) or Word .docx — up to 10 MiB"}
          </span>
          <input
            type="file"
            name="file"
            accept={ACCEPT}
            className="sr-only"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            aria-label="Document file"
          />
        </label>
      ) : mode === "url" ? (
        <div className="space-y-1">
          <label htmlFor="import-url" className="text-sm font-medium">
            Article address
          </label>
          <input
            id="import-url"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://…"
            className={inputClass}
          />
          <p className="text-xs text-stone-500">
            The page is fetched once by the server (HTML, PDF or plain text, up to 10 MiB) and kept with its address as
            the source.
          </p>
          {error?.fields?.url && error.fields.url.join(" ") !== error.message ? (
            <p className="text-xs text-red-600">{error.fields.url.join(" ")}</p>
          ) : null}
        </div>
      ) : (
        <div className="space-y-2">
          <div className="flex items-center gap-2 text-sm">
            <label htmlFor="format">Format</label>
            <select
              id="format"
              name="format"
              className="rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
            >
              <option value="text">Plain text</option>
              <option value="markdown">Markdown</option>
              <option value="html">HTML</option>
            </select>
          </div>
          <textarea
            name="content"
            rows={12}
            aria-label="Document text"
            placeholder="Paste the document here…"
            className={`${inputClass} font-serif`}
          />
          {error?.fields?.text ? <p className="text-xs text-red-600">{error.fields.text.join(" ")}</p> : null}
        </div>
      )}
      <MetadataFields error={error} isTitleOptional hideSourceUrl={mode === "url"} />
      <FormError message={error?.message} />
      {isBusy ? (
        <ProgressBar
          fraction={progress ?? null}
          label={
            progress === null
              ? mode === "url"
                ? "Fetching the page and extracting its text…"
                : "Extracting the text and saving…"
              : `Uploading… ${Math.round((progress ?? 0) * 100)}%`
          }
        />
      ) : null}
      <Button type="submit" disabled={isBusy}>
        {isBusy ? "Importing…" : "Import document"}
      </Button>
    </form>
  );
}

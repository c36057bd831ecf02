"use client";

import { useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { filesFromDrop, filesFromInput, type PickedFile } from "@/lib/client/dropped-files";
import { IMPORT_ACCEPT } from "@/lib/documents/import-files";
import { ImportRow } from "./import-row";
import { useImportQueue, type ImportRow as Row } from "./use-import-queue";

// Many files or whole folders at once: each file its own upload (two at a time) and row.
export function BulkImport({ workspaceId, initialFiles }: { workspaceId: string; initialFiles?: PickedFile[] }) {
  const queue = useImportQueue(workspaceId, initialFiles);
  const [isDragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void filesFromDrop(event.dataTransfer).then(queue.add);
  };
  const count = (...states: Row["state"][]) => queue.rows.filter((row) => states.includes(row.state)).length;
  const waiting = count("waiting");

  return (
    <div className="space-y-4">
      <div
        data-testid="bulk-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed px-4 py-8 text-center text-sm ${isDragging ? "border-accent-500 bg-accent-50 dark:bg-accent-700/20" : "border-stone-300 dark:border-stone-700"}`}
      >
        <p className="font-medium">Drop files or folders here</p>
        <p className="text-xs text-stone-500 dark:text-stone-400">
          .txt, .md, .html, .pdf and .docx, up to 10 MiB each; other files are listed as skipped.
        </p>
        <div className="flex flex-wrap justify-center gap-2">
          <PickButton label="Choose files" onPick={queue.add} />
          <PickButton label="Choose a folder" onPick={queue.add} isFolder />
        </div>
      </div>
      {queue.rows.length > 0 ? (
        <section aria-labelledby="import-list-heading" className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id="import-list-heading" className="mr-auto text-sm font-semibold">
              Files ({queue.rows.length})
            </h3>
            <Button type="button" variant="secondary" onClick={queue.cancelWaiting} disabled={waiting === 0}>
              Cancel waiting ({waiting})
            </Button>
            <Button type="button" variant="ghost" onClick={queue.clearFinished}>
              Clear finished
            </Button>
          </div>
          <p role="status" aria-live="polite" className="text-sm text-stone-600 dark:text-stone-400">
            {summary(count)}
          </p>
          <ul
            aria-label="Files to import"
            className="divide-y divide-stone-200 rounded-lg border border-stone-200 dark:divide-stone-800 dark:border-stone-800"
          >
            {queue.rows.map((row) => (
              <ImportRow
                key={row.key}
                row={row}
                onCancel={() => queue.cancel(row.key)}
                onRetry={(allowDuplicate) => queue.retry(row.key, allowDuplicate)}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function summary(count: (...states: Row["state"][]) => number): string {
  const active = count("waiting", "uploading", "processing");
  const parts = [
    [count("done"), "imported"],
    [count("duplicate"), "already here"],
    [count("failed"), "failed"],
    [count("skipped"), "skipped"],
    [count("cancelled"), "cancelled"],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, label]) => `${n} ${label}`);
  const done = parts.join(", ");
  if (active > 0) return `Importing: ${active} to go${done ? `; ${done}` : ""}.`;
  return `Finished: ${done || "nothing imported"}.`;
}

function PickButton({
  label,
  onPick,
  isFolder = false,
}: {
  label: string;
  onPick: (files: PickedFile[]) => void;
  isFolder?: boolean;
}) {
  return (
    <label className="inline-flex cursor-pointer items-center rounded-md border border-stone-300 bg-white px-3.5 py-2 text-sm font-medium text-stone-800 focus-within:outline-2 focus-within:outline-accent-600 hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800">
      {label}
      <input
        type="file"
        multiple
        accept={isFolder ? undefined : IMPORT_ACCEPT}
        className="sr-only"
        aria-label={label}
        // webkitdirectory (every current browser) is not in React's types.
        ref={(input) => {
          if (isFolder) input?.setAttribute("webkitdirectory", "");
        }}
        onChange={(event) => {
          onPick(filesFromInput(event.target.files));
          event.target.value = "";
        }}
      />
    </label>
  );
}

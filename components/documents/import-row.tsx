"use client";

import { ReaderLink } from "@/components/reader/reader-link";
import { formatSize } from "@/lib/documents/import-files";
import type { ImportRow as Row } from "./use-import-queue";

const STATE_TEXT: Record<Row["state"], string> = {
  waiting: "Waiting",
  uploading: "Uploading",
  processing: "Processing",
  done: "Imported",
  failed: "Failed",
  duplicate: "Already here",
  skipped: "Skipped",
  cancelled: "Cancelled",
};

const STATE_TONE: Record<Row["state"], string> = {
  waiting: "text-stone-600 dark:text-stone-400",
  uploading: "text-accent-700 dark:text-accent-300",
  processing: "text-accent-700 dark:text-accent-300",
  done: "text-emerald-700 dark:text-emerald-300",
  failed: "text-red-700 dark:text-red-300",
  duplicate: "text-amber-800 dark:text-amber-300",
  skipped: "text-stone-600 dark:text-stone-400",
  cancelled: "text-stone-600 dark:text-stone-400",
};

const smallButton =
  "rounded-md border border-stone-300 px-2 py-1 text-xs font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-accent-600 dark:border-stone-700 dark:hover:bg-stone-800";
const linkClass = "text-xs font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300";

// One file of a many-file import: its name, size, state and what can be done with it.
export function ImportRow({
  row,
  onCancel,
  onRetry,
}: {
  row: Row;
  onCancel: () => void;
  onRetry: (allowDuplicate?: boolean) => void;
}) {
  const percent = Math.round(row.progress * 100);
  // A folder's files show their name first; the folder they came from below it.
  const slash = row.path.lastIndexOf("/");
  const fileName = row.path.slice(slash + 1);
  const folder = slash > 0 ? row.path.slice(0, slash) : "";
  return (
    <li data-testid="import-row" data-state={row.state} className="space-y-1.5 px-3 py-2.5">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="min-w-0 flex-1 text-sm" title={row.path}>
          <span className="font-medium break-all">{fileName}</span>
          {folder ? (
            <span className="block truncate text-xs text-stone-500 dark:text-stone-400">in {folder}</span>
          ) : null}
        </span>
        <span className="text-xs text-stone-500 tabular-nums dark:text-stone-400">{formatSize(row.file.size)}</span>
        <span className={`text-xs font-semibold ${STATE_TONE[row.state]}`}>
          {STATE_TEXT[row.state]}
          {row.state === "uploading" ? ` ${percent}%` : row.state === "processing" ? "…" : ""}
        </span>
      </div>
      {row.state === "uploading" || row.state === "processing" ? (
        <div
          role="progressbar"
          aria-label={`${row.path}: ${row.state === "uploading" ? `uploading, ${percent}%` : "extracting the text"}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={row.state === "uploading" ? percent : undefined}
          className="h-1.5 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
        >
          <div
            className={`h-full rounded-full bg-accent-600 ${row.state === "processing" ? "w-full animate-pulse" : ""}`}
            style={row.state === "uploading" ? { width: `${percent}%` } : undefined}
          />
        </div>
      ) : null}
      <RowOutcome row={row} onCancel={onCancel} onRetry={onRetry} />
    </li>
  );
}

function RowOutcome({ row, onCancel, onRetry }: Parameters<typeof ImportRow>[0]) {
  switch (row.state) {
    case "waiting":
      return (
        <button type="button" className={smallButton} onClick={onCancel} aria-label={`Cancel ${row.path}`}>
          Cancel
        </button>
      );
    case "done":
      return (
        <ReaderLink href={`/documents/${row.documentId}`} className={linkClass}>
          Open “{row.documentTitle}”
        </ReaderLink>
      );
    case "duplicate":
      return (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <p className="text-xs text-stone-600 dark:text-stone-400">{row.message}</p>
          {row.existingId ? (
            <ReaderLink href={`/documents/${row.existingId}`} className={linkClass}>
              Open the existing document
            </ReaderLink>
          ) : null}
          <button
            type="button"
            className={smallButton}
            onClick={() => onRetry(true)}
            aria-label={`Import anyway: ${row.path}`}
          >
            Import anyway
          </button>
        </div>
      );
    case "failed":
      return (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <p className="text-xs text-red-700 dark:text-red-300">{row.message}</p>
          <button type="button" className={smallButton} onClick={() => onRetry()} aria-label={`Retry ${row.path}`}>
            Retry
          </button>
        </div>
      );
    case "cancelled":
      return (
        <button type="button" className={smallButton} onClick={() => onRetry()} aria-label={`Queue again: ${row.path}`}>
          Queue again
        </button>
      );
    case "skipped":
      return <p className="text-xs text-stone-600 dark:text-stone-400">{row.message}</p>;
    default:
      return null;
  }
}

"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { uploadWithProgress } from "@/lib/client/upload";
import type { PickedFile } from "@/lib/client/dropped-files";
import { classifyImportFile } from "@/lib/documents/import-files";

// Uploads at once: enough to overlap one file's upload with another's extraction, few
// enough not to crowd the server's import processes.
const CONCURRENCY = 2;

export type ImportState =
  "waiting" | "uploading" | "processing" | "done" | "failed" | "duplicate" | "skipped" | "cancelled";

export type ImportRow = {
  key: string;
  file: File;
  path: string;
  state: ImportState;
  progress: number;
  allowDuplicate?: boolean;
  documentId?: string;
  documentTitle?: string;
  existingId?: string;
  message?: string;
};

type Action =
  | { type: "add"; rows: ImportRow[] }
  | { type: "update"; key: string; patch: Partial<ImportRow> }
  | { type: "cancel"; key?: string }
  | { type: "clear-finished" };

const FINISHED: ImportState[] = ["done", "duplicate", "skipped", "cancelled"];

function reducer(rows: ImportRow[], action: Action): ImportRow[] {
  switch (action.type) {
    case "add":
      return [...rows, ...action.rows];
    case "update":
      return rows.map((row) => (row.key === action.key ? { ...row, ...action.patch } : row));
    case "cancel": // only files not yet started: one under way finishes
      return rows.map((row) =>
        row.state === "waiting" && (action.key === undefined || row.key === action.key)
          ? { ...row, state: "cancelled" }
          : row,
      );
    case "clear-finished":
      return rows.filter((row) => !FINISHED.includes(row.state));
  }
}

let nextKey = 0;

// Unsupported files are listed as skipped, with the reason, and never sent.
const toRows = (picked: PickedFile[]) =>
  picked.map(({ file, path }): ImportRow => {
    const verdict = classifyImportFile({ name: path, size: file.size });
    return {
      key: `file-${nextKey++}`,
      file,
      path,
      progress: 0,
      ...(verdict.isSupported ? { state: "waiting" } : { state: "skipped", message: verdict.reason }),
    };
  });

export function useImportQueue(workspaceId: string, initialFiles: PickedFile[] = []) {
  const [rows, dispatch] = useReducer(reducer, initialFiles, toRows);
  const running = useRef(new Set<string>());

  const start = useCallback(
    async (row: ImportRow) => {
      const update = (patch: Partial<ImportRow>) => dispatch({ type: "update", key: row.key, patch });
      update({ state: "uploading", progress: 0, message: undefined });
      const form = new FormData();
      form.append("file", row.file, row.file.name);
      if (row.allowDuplicate) form.append("allowDuplicate", "true");
      const result = await uploadWithProgress<{ id: string; title: string }>(
        `/api/v1/workspaces/${workspaceId}/documents`,
        form,
        (fraction) => update(fraction < 1 ? { progress: fraction } : { state: "processing", progress: 1 }),
      );
      running.current.delete(row.key);
      if (result.ok) update({ state: "done", documentId: result.data.id, documentTitle: result.data.title });
      else if (result.error.code === "duplicate")
        update({ state: "duplicate", existingId: result.error.existingId, message: result.error.message });
      else update({ state: "failed", message: result.error.message });
    },
    [workspaceId],
  );

  // Starts waiting files, in order, while fewer than CONCURRENCY are under way.
  useEffect(() => {
    for (const row of rows) {
      if (running.current.size >= CONCURRENCY) break;
      if (row.state !== "waiting" || running.current.has(row.key)) continue;
      running.current.add(row.key);
      void start(row);
    }
  }, [rows, start]);

  const add = useCallback((picked: PickedFile[]) => dispatch({ type: "add", rows: toRows(picked) }), []);

  return {
    rows,
    add,
    retry: (key: string, allowDuplicate = false) =>
      dispatch({ type: "update", key, patch: { state: "waiting", progress: 0, message: undefined, allowDuplicate } }),
    cancel: (key: string) => dispatch({ type: "cancel", key }),
    cancelWaiting: () => dispatch({ type: "cancel" }),
    clearFinished: () => dispatch({ type: "clear-finished" }),
  };
}

"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Menu, menuItemClass, menuSeparator } from "@/components/ui/menu";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import type { PresentedExportJob } from "@/lib/exports/export-jobs";

const GROUPS = [
  [
    { format: "pdf", label: "PDF report (for print)" },
    { format: "html", label: "HTML report (standalone)" },
    { format: "md", label: "Markdown report" },
  ],
  [
    { format: "csv", label: "CSV (annotations and replies)" },
    { format: "jsonld", label: "W3C Web Annotation (JSON-LD)" },
    { format: "json", label: "JSON (to import elsewhere)" },
  ],
  [
    { format: "aif", label: "AIF (argument graph)" },
    { format: "argdown", label: "Argdown" },
  ],
  [
    { format: "bibtex", label: "References: BibTeX" },
    { format: "ris", label: "References: RIS" },
    { format: "csl-json", label: "References: CSL-JSON" },
  ],
] as const;
const REPORTS: readonly string[] = ["pdf", "html", "md"];
const STYLES = [
  { style: "apa", label: "APA" },
  { style: "chicago", label: "Chicago" },
] as const;
type Style = (typeof STYLES)[number]["style"];

type Scope = { kind: "workspace" | "document" | "collection"; id: string };
const POLL_MS = 400;

const sizeLabel = (bytes: number | null) =>
  bytes === null
    ? ""
    : bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024))} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// The viewer's recent background exports of the same thing, to fetch again (kept 24 h).
function RecentExports({ workspaceId, scope }: { workspaceId: string; scope: Scope }) {
  const [jobs, setJobs] = useState<PresentedExportJob[] | null>(null);
  useEffect(() => {
    let live = true;
    void apiFetch<{ items: PresentedExportJob[] }>(`/api/v1/workspaces/${workspaceId}/exports`).then((result) => {
      if (live)
        setJobs(
          result.ok
            ? result.data.items.filter((job) => job.scope.kind === scope.kind && job.scope.id === scope.id).slice(0, 3)
            : [],
        );
    });
    return () => {
      live = false;
    };
  }, [workspaceId, scope.kind, scope.id]);
  const remove = async (id: string) => {
    const result = await apiFetch(`/api/v1/exports/${id}`, { method: "DELETE" });
    if (result.ok) setJobs((current) => current?.filter((job) => job.id !== id) ?? null);
  };
  if (!jobs?.length) return null;
  return (
    <>
      {menuSeparator}
      <p className="px-3 pt-1 text-xs font-semibold uppercase tracking-wide text-stone-500">Recent exports</p>
      {jobs.map((job) => (
        <div key={job.id} className="flex items-center">
          {job.status === "done" && job.downloadUrl ? (
            <a
              href={job.downloadUrl}
              download={job.fileName ?? undefined}
              role="menuitem"
              className={`${menuItemClass} min-w-0 flex-1`}
            >
              {job.format.toUpperCase()} ·{" "}
              {new Date(job.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })} ·{" "}
              {sizeLabel(job.size)}
            </a>
          ) : (
            <p className="min-w-0 flex-1 px-3 py-2 text-sm text-stone-500">
              {job.format.toUpperCase()} · {job.status === "failed" ? "failed" : `${Math.round(job.progress * 100)}%`}
            </p>
          )}
          <button
            type="button"
            role="menuitem"
            aria-label={`Delete the ${job.format.toUpperCase()} export`}
            title="Delete (frees your export quota)"
            onClick={() => void remove(job.id)}
            className="mr-1 rounded px-2 py-1 text-sm text-stone-500 hover:bg-stone-100 hover:text-red-700 dark:hover:bg-stone-800 dark:hover:text-red-400"
          >
            ×
          </button>
        </div>
      ))}
    </>
  );
}

// Exports of a workspace, a document or a collection (what the viewer may see). Signed in,
// an export runs in the background with a progress bar and downloads when it is done
// (recent ones stay in the menu); visitors to a public workspace download directly.
export function ExportMenu({ workspaceId, scope, signedIn }: { workspaceId: string; scope: Scope; signedIn: boolean }) {
  const [job, setJob] = useState<PresentedExportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The bibliography style that ends a report.
  const [style, setStyle] = useState<Style>("apa");
  const downloaded = useRef<string | null>(null);
  const directUrl = `/api/v1/${scope.kind === "workspace" ? "workspaces" : `${scope.kind}s`}/${scope.id}/export`;

  useEffect(() => {
    if (!job || job.status === "done" || job.status === "failed") return;
    const timer = setTimeout(async () => {
      const result = await apiFetch<PresentedExportJob>(`/api/v1/exports/${job.id}`);
      if (result.ok) setJob(result.data);
      else setError(result.error);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  // Hand the finished file to the browser once.
  useEffect(() => {
    if (job?.status !== "done" || !job.downloadUrl || downloaded.current === job.id) return;
    downloaded.current = job.id;
    const link = document.createElement("a");
    link.href = job.downloadUrl;
    link.download = job.fileName ?? "";
    link.click();
  }, [job]);

  async function start(format: string) {
    setError(null);
    const result = await apiFetch<PresentedExportJob>("/api/v1/exports", {
      body: { scope, format, ...(REPORTS.includes(format) ? { style } : {}) },
    });
    if (result.ok) setJob(result.data);
    else setError(result.error);
  }

  const running = job !== null && (job.status === "queued" || job.status === "running");
  return (
    <div className="relative">
      <Menu trigger={running ? "Exporting…" : "Export"} triggerClassName={buttonClass("secondary")} align="right">
        {(close) => (
          <>
            <div
              role="group"
              aria-label="Bibliography style of reports"
              className="flex items-center gap-2 px-3 pt-1 pb-2 text-xs text-stone-500"
            >
              Bibliography
              {STYLES.map((option) => (
                <button
                  key={option.style}
                  type="button"
                  role="menuitemradio"
                  aria-checked={style === option.style}
                  onClick={() => setStyle(option.style)}
                  className="rounded-full border border-stone-300 px-2 py-0.5 aria-checked:border-accent-600 aria-checked:bg-accent-50 aria-checked:text-accent-800 dark:border-stone-600 dark:aria-checked:bg-accent-700/30 dark:aria-checked:text-accent-100"
                >
                  {option.label}
                </button>
              ))}
            </div>
            {GROUPS.map((group, index) => (
              <div key={index}>
                {index > 0 ? menuSeparator : null}
                {group.map(({ format, label }) =>
                  signedIn ? (
                    <button
                      key={format}
                      type="button"
                      role="menuitem"
                      className={menuItemClass}
                      disabled={running}
                      onClick={() => {
                        close();
                        void start(format);
                      }}
                    >
                      {label}
                    </button>
                  ) : (
                    <a
                      key={format}
                      href={`${directUrl}?format=${format}${REPORTS.includes(format) ? `&style=${style}` : ""}`}
                      download
                      className={menuItemClass}
                      role="menuitem"
                      onClick={close}
                    >
                      {label}
                    </a>
                  ),
                )}
              </div>
            ))}
            {signedIn ? <RecentExports workspaceId={workspaceId} scope={scope} /> : null}
          </>
        )}
      </Menu>
      {job || error ? (
        <div
          role="status"
          aria-live="polite"
          className="absolute right-0 z-20 mt-2 w-72 rounded-lg border border-stone-200 bg-white p-3 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900"
        >
          {error ? <p className="text-red-700 dark:text-red-300">{error.message}</p> : null}
          {job ? (
            <>
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-medium">{job.format.toUpperCase()} export</span>
                <span className="tabular-nums text-stone-500">{Math.round(job.progress * 100)}%</span>
              </div>
              <div
                role="progressbar"
                aria-label={`${job.format.toUpperCase()} export`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(job.progress * 100)}
                className="mt-2 h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700"
              >
                <div
                  className={`h-full rounded-full transition-[width] ${job.status === "failed" ? "bg-red-500" : "bg-accent-600"}`}
                  style={{ width: `${Math.max(3, job.progress * 100)}%` }}
                />
              </div>
              <p className="mt-2 text-stone-600 dark:text-stone-400">
                {job.status === "failed" ? job.error : job.stage}
              </p>
              {job.status === "done" && job.downloadUrl ? (
                <a
                  href={job.downloadUrl}
                  download={job.fileName ?? undefined}
                  className="mt-1 inline-block font-medium text-accent-700 underline dark:text-accent-300"
                >
                  Download {job.fileName} ({sizeLabel(job.size)})
                </a>
              ) : null}
              {!running ? (
                <button
                  type="button"
                  className="float-right mt-1 text-xs text-stone-500 hover:text-stone-800"
                  onClick={() => (setJob(null), setError(null))}
                >
                  Dismiss
                </button>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

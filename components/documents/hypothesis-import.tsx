"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { fileInputClass, FormError } from "@/components/ui/field";
import type { ApiError } from "@/lib/client/api-fetch";
import type { HypothesisImportReport } from "@/lib/hypothesis/import-hypothesis";

type Report = HypothesisImportReport;

const MAX_BYTES = 20 * 1024 * 1024;
const SHOWN = 200;

// Upload of a Hypothesis JSON export (POST …/imports/hypothesis) and its report.
export function HypothesisImport({ workspaceId }: { workspaceId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<Report | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setReport(null);
    if (!file) return setError({ code: "invalid_input", message: "Choose the export file (.json)." });
    if (file.size > MAX_BYTES) return setError({ code: "too_large", message: "The file is larger than 20 MiB." });
    setBusy(true);
    try {
      const response = await fetch(`/api/v1/workspaces/${workspaceId}/imports/hypothesis`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: await file.text(),
      });
      const payload = await response.json().catch(() => null);
      if (response.ok) setReport(payload as Report);
      else setError(payload?.error ?? { code: "unknown", message: `The server answered ${response.status}.` });
    } catch {
      setError({ code: "network", message: "Could not reach the server. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-labelledby="hypothesis-import"
      className="max-w-3xl space-y-4 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
    >
      <h3 id="hypothesis-import" className="font-semibold">
        Import annotations from Hypothesis
      </h3>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Upload a Hypothesis JSON export. Annotations on a page whose address is a document&apos;s source are placed on
        it by their quotes; those on other pages are kept as web sources. Replies become threads with no stance.
        Original authors and dates are kept as provenance; you are the one who imports them. Importing the same file
        again adds only what is new.
      </p>
      <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-3" noValidate>
        <input
          type="file"
          accept=".json,application/json"
          aria-label="Hypothesis export"
          className={fileInputClass}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <Button type="submit" disabled={isBusy}>
          {isBusy ? "Importing…" : "Import annotations"}
        </Button>
      </form>
      <FormError message={error?.message} />
      {report ? <ImportReport report={report} /> : null}
    </section>
  );
}

function ImportReport({ report }: { report: Report }) {
  const rows: [string, number][] = [
    ["Anchored", report.anchored],
    ["Moved (found approximately)", report.moved],
    ["Orphaned (quote not found)", report.orphaned],
    ["On web sources", report.webSources],
    ["Replies", report.replies],
    ["Already imported", report.alreadyImported],
  ];
  return (
    <div data-testid="hypothesis-report" role="status" className="space-y-3 text-sm">
      <p className="font-medium">
        {report.annotations} {report.annotations === 1 ? "item" : "items"} in the file.
      </p>
      <dl className="grid grid-cols-[auto_auto] gap-x-6 gap-y-1 sm:grid-cols-[auto_auto_auto_auto]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600 dark:text-stone-400">{label}</dt>
            <dd className="font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {report.unplaced.length ? (
        <div>
          <h4 className="font-medium">Not placed ({report.unplaced.length})</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-stone-700 dark:text-stone-300">
            {report.unplaced.slice(0, SHOWN).map((item, index) => (
              <li key={`${item.hypothesisId}-${index}`}>
                {item.reason}
                {item.uri ? <span className="block truncate text-xs text-stone-500">{item.uri}</span> : null}
              </li>
            ))}
          </ul>
          {report.unplaced.length > SHOWN ? (
            <p className="mt-1 text-stone-500">
              …and {report.unplaced.length - SHOWN} more (the API&apos;s report lists all).
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

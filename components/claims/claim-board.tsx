"use client";

import { PLACED_STANCES } from "@/lib/validations/debate";
import { ReaderLink } from "@/components/reader/reader-link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api-fetch";

type PlacedPassage = { annotationId: string; stance: string; quote: string; documentId: string; documentTitle: string };
type Claim = {
  id: string;
  title: string;
  description: string;
  passageCount: number;
  passages: PlacedPassage[];
};
type Hit = { id: string; documentTitle: string; quote: string };

// Name claims or questions and place passages under them with a stance.
export function ClaimBoard({
  workspaceId,
  claims,
  canEdit,
}: {
  workspaceId: string;
  claims: Claim[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  // A near-duplicate's id (409 duplicate): show it, or add this claim anyway.
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const create = async (allowDuplicate = false) => {
    const result = await apiFetch(`/api/v1/workspaces/${workspaceId}/claims`, { body: { title, allowDuplicate } });
    setDuplicateId(!result.ok && result.error.code === "duplicate" ? (result.error.existingId ?? null) : null);
    if (!result.ok) return setError(result.error.message);
    setTitle("");
    setError(null);
    router.refresh();
  };
  return (
    <section aria-labelledby="claims-heading" className="space-y-4">
      <h2 id="claims-heading" className="text-lg font-semibold">
        Claims and questions
      </h2>
      {canEdit ? (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <label htmlFor="claim-title" className="sr-only">
            New claim or question
          </label>
          <input
            id="claim-title"
            className={`${inputClass} max-w-xl flex-1`}
            placeholder="Is China–Russia cooperation an alliance?"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <Button type="submit">Add claim</Button>
          {error ? (
            <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
              {error}
              {duplicateId ? (
                <>
                  {" "}
                  <a className="font-medium underline" href={`#claim-${duplicateId}`}>
                    Show it
                  </a>{" "}
                  ·{" "}
                  <button type="button" className="underline" onClick={() => void create(true)}>
                    Add mine anyway
                  </button>
                </>
              ) : null}
            </p>
          ) : null}
        </form>
      ) : null}
      {claims.length ? (
        <ul className="space-y-4">
          {claims.map((claim) => (
            <ClaimCard
              key={claim.id}
              claim={claim}
              workspaceId={workspaceId}
              canEdit={canEdit}
              onChanged={() => router.refresh()}
            />
          ))}
        </ul>
      ) : (
        <EmptyState title="No claims yet">
          {canEdit
            ? "Name a claim or question the documents disagree about in the field above, then place passages under it. A matrix of where each document stands on each claim appears here once there is one."
            : "No one has named a claim or question here yet. Once researchers do, this page shows where each document stands on it."}
        </EmptyState>
      )}
    </section>
  );
}

function ClaimCard({
  claim,
  workspaceId,
  canEdit,
  onChanged,
}: {
  claim: Claim;
  workspaceId: string;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [stance, setStance] = useState<(typeof PLACED_STANCES)[number]>("supports");
  const [error, setError] = useState<string | null>(null);
  // The card arrives with its first passages; the rest load when asked for.
  const [allPassages, setAllPassages] = useState<{ of: Claim; passages: PlacedPassage[] } | null>(null);
  const passages = allPassages?.of === claim ? allPassages.passages : claim.passages;
  const showAll = async () => {
    const result = await apiFetch<{ items: PlacedPassage[] }>(`/api/v1/claims/${claim.id}/passages`);
    if (!result.ok) return setError(result.error.message);
    setAllPassages({ of: claim, passages: result.data.items });
  };
  useEffect(() => {
    if (query.trim().length < 2) return;
    let isCurrent = true;
    const timer = setTimeout(async () => {
      const result = await apiFetch<{ annotations: Hit[] }>(
        `/api/v1/workspaces/${workspaceId}/search?type=annotations&limit=8&q=${encodeURIComponent(query.trim())}`,
      );
      if (isCurrent) setHits(result.ok ? result.data.annotations : []);
    }, 200);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [query, workspaceId]);
  const place = async (annotationId: string) => {
    const result = await apiFetch(`/api/v1/claims/${claim.id}/passages`, { body: { annotationId, stance } });
    if (!result.ok) return setError(result.error.message);
    setQuery("");
    setHits([]);
    onChanged();
  };
  const remove = async (annotationId: string) => {
    const result = await apiFetch(`/api/v1/claims/${claim.id}/passages/${annotationId}`, { method: "DELETE" });
    if (result.ok) onChanged();
  };
  return (
    <li
      id={`claim-${claim.id}`}
      className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      data-testid="claim"
    >
      <h3 className="font-semibold">{claim.title}</h3>
      {passages.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {passages.map((passage) => (
            <li key={passage.annotationId} className="flex items-start gap-2">
              <span className="w-20 shrink-0 text-xs font-semibold uppercase text-stone-500">{passage.stance}</span>
              <ReaderLink
                href={`/documents/${passage.documentId}#annotation-${passage.annotationId}`}
                className="font-serif italic hover:underline"
              >
                “{passage.quote.slice(0, 160)}”
              </ReaderLink>
              <span className="shrink-0 text-xs text-stone-500">{passage.documentTitle}</span>
              {canEdit ? (
                <button
                  type="button"
                  className="ml-auto shrink-0 text-xs text-stone-500 hover:text-red-700"
                  onClick={() => void remove(passage.annotationId)}
                  aria-label={`Remove “${passage.quote.slice(0, 40)}” from this claim`}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-stone-500">No passages yet.</p>
      )}
      {claim.passageCount > passages.length ? (
        <button
          type="button"
          className="mt-2 text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
          onClick={() => void showAll()}
        >
          Show all {claim.passageCount} passages
        </button>
      ) : null}
      {canEdit ? (
        <div className="mt-3 flex flex-wrap items-start gap-2">
          <select
            aria-label="Stance of the passage"
            className="rounded-md border border-stone-300 bg-white px-2 py-2 text-sm dark:border-stone-700 dark:bg-stone-900"
            value={stance}
            onChange={(event) => setStance(event.target.value as typeof stance)}
          >
            {PLACED_STANCES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
          <div className="min-w-64 flex-1">
            <input
              type="search"
              aria-label={`Find a passage for “${claim.title}”`}
              className={inputClass}
              placeholder="Find an annotated passage by its words"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            {query.trim().length >= 2 && hits.length ? (
              <ul className="mt-1 rounded border border-stone-200 dark:border-stone-700">
                {hits.map((hit) => (
                  <li key={hit.id}>
                    <button
                      type="button"
                      className="block w-full px-2 py-1.5 text-left text-xs hover:bg-stone-100 dark:hover:bg-stone-800"
                      onClick={() => void place(hit.id)}
                    >
                      <span className="font-medium">{hit.documentTitle}</span>{" "}
                      <span className="font-serif italic">“{hit.quote.slice(0, 140)}”</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          {error ? (
            <p role="alert" className="w-full text-xs text-red-700">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

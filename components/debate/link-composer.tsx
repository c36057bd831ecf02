"use client";

import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api-fetch";
import { annotatePassage } from "@/lib/client/annotate-passage";
import { DuplicateLinkNotice } from "./duplicate-link-notice";
import { RELATION_COLOR, RELATION_LABEL, RELATIONS, type Relation } from "./vocabulary";

type Hit = { id: string; documentId: string; documentTitle: string; quote: string; snippetHtml?: string };
// A passage no one has annotated yet (a suggestion): it becomes an annotation when linked.
type Passage = { id: null; documentId: string; documentTitle: string; quote: string; start: number; end: number };
type Target = Hit | Passage;

// Link this passage to another: find it by its words anywhere in the workspace,
// or open another document beside this one and select it there.
export function LinkComposer({
  workspaceId,
  documentId,
  fromAnnotationId,
  initialTarget,
  initialRelation,
  onLinked,
  onCancel,
}: {
  workspaceId: string;
  documentId: string;
  fromAnnotationId: string;
  initialTarget?: Target;
  initialRelation?: Relation;
  onLinked: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [relation, setRelation] = useState<Relation>(initialRelation ?? "contradicts");
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [target, setTarget] = useState<Target | null>(initialTarget ?? null);
  const [rationale, setRationale] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    const words = query.trim();
    if (words.length < 2) return;
    let isCurrent = true;
    const timer = setTimeout(async () => {
      const result = await apiFetch<{ annotations: Hit[] }>(
        `/api/v1/workspaces/${workspaceId}/search?type=annotations&limit=12&q=${encodeURIComponent(words)}`,
      );
      if (isCurrent) setHits(result.ok ? result.data.annotations.filter((hit) => hit.id !== fromAnnotationId) : []);
    }, 200);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [query, workspaceId, fromAnnotationId]);

  const save = async (allowDuplicate = false) => {
    if (!target) return setError("Pick the passage to link to.");
    setSaving(true);
    setError(null);
    setDuplicateId(null);
    // A suggested passage is annotated first (once: a retry reuses it), then linked.
    let toAnnotationId = target.id;
    if (target.id === null) {
      const annotated = await annotatePassage(target.documentId, target);
      if (!annotated.ok) {
        setSaving(false);
        return setError(annotated.error.message);
      }
      toAnnotationId = annotated.data.id;
      setTarget({ ...target, id: toAnnotationId });
    }
    const result = await apiFetch("/api/v1/links", {
      body: { fromAnnotationId, toAnnotationId, relation, rationale, allowDuplicate },
    });
    setSaving(false);
    if (result.ok) onLinked();
    else if (result.error.code === "duplicate" && result.error.existingId) setDuplicateId(result.error.existingId);
    else setError(result.error.message);
  };

  return (
    <form
      className="space-y-2 rounded-md border border-stone-200 p-2 dark:border-stone-700"
      aria-label="Link to another passage"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
    >
      <fieldset className="flex flex-wrap gap-1">
        <legend className="mb-1 text-xs font-semibold">This passage…</legend>
        {RELATIONS.map((option) => (
          <label
            key={option}
            className="flex cursor-pointer items-center gap-1 rounded-full px-2 py-0.5 text-xs ring-1 ring-stone-300 ring-inset has-checked:font-semibold has-checked:ring-2 dark:ring-stone-700"
            style={
              relation === option
                ? { color: RELATION_COLOR[option], boxShadow: `inset 0 0 0 2px ${RELATION_COLOR[option]}` }
                : undefined
            }
          >
            <input
              type="radio"
              className="sr-only"
              name={`${id}-relation`}
              value={option}
              checked={relation === option}
              onChange={() => setRelation(option)}
            />
            {RELATION_LABEL[option]}
          </label>
        ))}
      </fieldset>
      {target ? (
        <div className="rounded bg-stone-100 p-2 text-xs dark:bg-stone-800" data-testid="link-target">
          <p className="font-medium">{target.documentTitle}</p>
          <p className="mt-1 line-clamp-3 font-serif italic">“{target.quote}”</p>
          <button type="button" className="mt-1 underline" onClick={() => setTarget(null)}>
            Choose another
          </button>
        </div>
      ) : (
        <div>
          <label htmlFor={`${id}-search`} className="text-xs font-semibold">
            …the passage
          </label>
          <input
            id={`${id}-search`}
            type="search"
            className={`${inputClass} mt-1`}
            placeholder="Words from the passage or its comment"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoFocus
          />
          {query.trim().length >= 2 && hits ? (
            hits.length ? (
              <ul
                className="mt-1 max-h-56 overflow-y-auto rounded border border-stone-200 dark:border-stone-700"
                aria-label="Passages found"
              >
                {hits.map((hit) => (
                  <li key={hit.id}>
                    <button
                      type="button"
                      className="block w-full px-2 py-1.5 text-left text-xs hover:bg-stone-100 focus:bg-stone-100 dark:hover:bg-stone-800 dark:focus:bg-stone-800"
                      onClick={() => setTarget(hit)}
                    >
                      <span className="font-medium">{hit.documentTitle}</span>
                      <span className="mt-0.5 line-clamp-2 block font-serif italic text-stone-600 dark:text-stone-400">
                        “{hit.quote}”
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-xs text-stone-500">
                No annotated passage matches. Annotate it first, or select it in the other document:
              </p>
            )
          ) : null}
          <Link
            href={`/workspaces/${workspaceId}/compare?left=${documentId}&from=${fromAnnotationId}`}
            prefetch={false}
            className="mt-1 inline-block text-xs underline"
          >
            Select the passage in another document, side by side →
          </Link>
        </div>
      )}
      <label htmlFor={`${id}-rationale`} className="sr-only">
        Rationale
      </label>
      <textarea
        id={`${id}-rationale`}
        className={`${inputClass} min-h-14`}
        placeholder="Why? (rationale, optional)"
        value={rationale}
        onChange={(event) => setRationale(event.target.value)}
        maxLength={5000}
      />
      {error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {duplicateId ? (
        <DuplicateLinkNotice
          linkId={duplicateId}
          relation={relation}
          rationale={rationale}
          onLinkAnyway={() => void save(true)}
          onAddedToIt={onLinked}
        />
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={isSaving || !target} className="px-2.5! py-1! text-xs">
          {isSaving ? "Linking…" : "Create link"}
        </Button>
        <Button type="button" variant="ghost" className="px-2.5! py-1! text-xs" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

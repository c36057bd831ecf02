"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import type { PassageLink } from "./types";
import { RELATION_LABEL, type Relation } from "./vocabulary";

// The link composer's answer to a 409 duplicate: the existing link, to open, or to add this
// rationale to (as a reply that supports it, one argument in one thread: what a moderator's
// merge would make of two links), or to link anyway.
export function DuplicateLinkNotice({
  linkId,
  relation,
  rationale,
  onLinkAnyway,
  onAddedToIt,
}: {
  linkId: string;
  relation: Relation;
  rationale: string;
  onLinkAnyway: () => void;
  onAddedToIt: () => void;
}) {
  const [link, setLink] = useState<PassageLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void apiFetch<PassageLink>(`/api/v1/links/${linkId}`).then((result) => {
      if (isCurrent && result.ok) setLink(result.data);
    });
    return () => {
      isCurrent = false;
    };
  }, [linkId]);
  const addToIt = async () => {
    const result = await apiFetch(`/api/v1/links/${linkId}/replies`, {
      body: { body: rationale, stance: "supports" },
    });
    if (result.ok) onAddedToIt();
    else setError(result.error.message);
  };
  return (
    <div
      role="alert"
      data-testid="duplicate-link"
      className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      <p>
        These passages (or passages overlapping them) are already linked as “{RELATION_LABEL[relation].toLowerCase()}”
        {link ? ` (${link.from.documentTitle} → ${link.to.documentTitle})` : ""}.
      </p>
      <p className="mt-1 flex flex-wrap gap-3">
        {link ? (
          <a
            className="font-medium underline"
            href={`/documents/${link.from.documentId}#annotation-${link.from.annotationId}`}
          >
            Open the existing link
          </a>
        ) : null}
        {rationale.trim() ? (
          <button type="button" className="font-medium underline" onClick={() => void addToIt()}>
            Add my rationale to it
          </button>
        ) : null}
        <button type="button" className="underline" onClick={onLinkAnyway}>
          Link anyway
        </button>
      </p>
      {error ? <p className="mt-1 text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}

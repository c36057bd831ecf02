"use client";

import { MarkdownHtml } from "@/components/ui/markdown-html";
import { useState, type MouseEvent, type ReactNode } from "react";
import type { LinkBadge } from "@/components/debate/link-summary";
import { RELATION_COLOR, RELATION_TEXT } from "@/components/debate/vocabulary";
import { Badge } from "@/components/ui/badge";
import { ProvenanceNote } from "@/components/ui/provenance-note";
import type { ReaderAnnotation } from "@/lib/annotations/presenters";
import { placeLabel } from "@/lib/citations/cite-passage";
import { SWATCH, type AnnotationColor } from "./color-picker";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function AnnotationCard({
  annotation,
  elementId,
  isSelected,
  canChange,
  onSelect,
  onEdit,
  onDelete,
  onTag,
  badges = [],
  children,
}: {
  annotation: ReaderAnnotation;
  // The element's id, when the card is shown twice (the panel and a sheet).
  elementId?: string;
  badges?: LinkBadge[];
  children?: ReactNode;
  isSelected: boolean;
  canChange: boolean;
  onSelect: () => void;
  onEdit: () => void;
  onDelete: () => Promise<void>;
  onTag: (tag: string) => void;
}) {
  const [isConfirming, setConfirming] = useState(false);
  const place = placeLabel(annotation);
  // Clicking anywhere on a closed card's text opens it (its controls keep their own meaning);
  // a larger target for the pointer, the keyboard has the card's own buttons.
  const openFromText = (event: MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (isSelected || target.closest("button, a, input, textarea, select, label, [data-card-discussion]")) return;
    if (!window.getSelection()?.isCollapsed) return;
    onSelect();
  };
  return (
    <article
      onClick={openFromText}
      id={elementId ?? `card-${annotation.id}`}
      data-testid="annotation-card"
      data-annotation-id={annotation.id}
      aria-current={isSelected ? "true" : undefined}
      className="annotation-card cursor-pointer rounded-lg aria-[current=true]:cursor-auto border border-stone-200 bg-white p-3 text-sm shadow-xs aria-[current=true]:border-accent-500 aria-[current=true]:ring-1 aria-[current=true]:ring-accent-500 dark:border-stone-800 dark:bg-stone-900"
    >
      <header className="flex items-center gap-2 text-xs text-stone-500">
        <span
          className={`inline-block size-2.5 shrink-0 rounded-full ${SWATCH[annotation.color as AnnotationColor] ?? SWATCH.yellow}`}
          aria-hidden
        />
        <span className="font-medium text-stone-800 dark:text-stone-200">{annotation.creator.name}</span>
        <time dateTime={annotation.createdAt}>{dateFormat.format(new Date(annotation.createdAt))}</time>
        <ProvenanceNote provenance={annotation.importedFrom} />
        {annotation.status !== "visible" ? <Badge tone="amber">{annotation.status}</Badge> : null}
        {place ? (
          <span
            data-testid="annotation-place"
            title={annotation.page === null ? annotation.section.join(" › ") : undefined}
            className="ml-auto max-w-[40%] truncate text-stone-500 tabular-nums dark:text-stone-400"
          >
            {place}
          </span>
        ) : null}
      </header>
      {annotation.anchorStatus === "moved" ? (
        <p className="mt-2">
          <Badge tone="amber">Re-anchored, please check</Badge>
        </p>
      ) : null}
      <button type="button" onClick={onSelect} className="mt-2 block w-full text-left">
        <span className="sr-only">Go to the passage: </span>
        <blockquote className="line-clamp-3 border-l-2 border-stone-300 pl-2 font-serif text-stone-600 italic dark:border-stone-600 dark:text-stone-400">
          {annotation.quote}
        </blockquote>
      </button>
      {annotation.bodyHtml ? (
        <MarkdownHtml html={annotation.bodyHtml} className="mt-2 text-stone-800 dark:text-stone-200" />
      ) : null}
      {badges.length ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label="Links">
          {badges.map((badge) => (
            <li
              key={badge.relation}
              data-testid="link-badge"
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${RELATION_TEXT[badge.relation]}`}
              style={{ boxShadow: `inset 0 0 0 1px ${RELATION_COLOR[badge.relation]}` }}
            >
              {badge.text}
            </li>
          ))}
        </ul>
      ) : null}
      {annotation.tags.length ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                onClick={() => onTag(tag)}
                className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-200 dark:bg-stone-800 dark:text-stone-300"
              >
                #{tag}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <footer className="mt-2 flex items-center justify-between text-xs text-stone-500">
        <button
          type="button"
          onClick={onSelect}
          className="hover:text-stone-900 dark:hover:text-white"
          aria-expanded={isSelected}
        >
          {annotation.replyCount === 1 ? "1 reply" : `${annotation.replyCount} replies`}
          {annotation.replyStances.length ? ` · ${summarizeStances(annotation.replyStances)}` : ""}
        </button>
        {canChange ? (
          isConfirming ? (
            <span className="flex items-center gap-2" role="group" aria-label="Confirm deletion">
              Delete this annotation?
              <button
                type="button"
                className="font-medium text-red-700 dark:text-red-400"
                onClick={() => void onDelete()}
              >
                Delete
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <span className="flex gap-3">
              <button type="button" onClick={onEdit} className="hover:text-stone-900 dark:hover:text-white">
                Edit
              </button>
              <button type="button" onClick={() => setConfirming(true)} className="hover:text-red-700">
                Delete
              </button>
            </span>
          )
        ) : null}
      </footer>
      {isSelected && children ? <div data-card-discussion>{children}</div> : null}
    </article>
  );
}

// The stances taken in a thread, e.g. "opposes, asks".
const summarizeStances = (stances: string[]) => Array.from(new Set(stances)).join(", ");

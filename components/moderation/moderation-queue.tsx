"use client";

import { ReaderLink } from "@/components/reader/reader-link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { MarkdownHtml } from "@/components/ui/markdown-html";
import type { QueueItem } from "@/lib/moderation/moderation-queue";
import { ModerationControls } from "./moderation-controls";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function ModerationQueue({ items }: { items: QueueItem[] }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  if (!items.length)
    return (
      <EmptyState title="Nothing waiting">
        No open flags and nothing pending approval. Flags from members appear here with the passage and the thread they
        belong to.
      </EmptyState>
    );
  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className="text-sm text-stone-600">
        {status}
      </p>
      <ul className="space-y-3" aria-label="Moderation queue">
        {items.map((item) => (
          <li
            key={`${item.targetType}-${item.targetId}`}
            data-testid="queue-item"
            data-target-id={item.targetId}
            className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
          >
            <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
              <span className="rounded bg-stone-100 px-1.5 py-0.5 font-semibold text-stone-600 uppercase dark:bg-stone-800 dark:text-stone-300">
                {item.targetType}
              </span>
              {item.status !== "visible" ? (
                <span className="font-semibold text-amber-700 dark:text-amber-400">{item.status}</span>
              ) : null}
              <span>
                by <span className="font-medium text-stone-800 dark:text-stone-200">{item.author.name}</span>,{" "}
                {dateFormat.format(new Date(item.createdAt))}
              </span>
              <ReaderLink href={`/documents/${item.documentId}#annotation-${item.annotationId}`} className="underline">
                {item.documentTitle}
              </ReaderLink>
            </div>
            <blockquote className="mt-2 line-clamp-2 border-l-2 border-stone-300 pl-2 font-serif text-sm text-stone-600 italic dark:text-stone-400">
              “{item.quote}”
            </blockquote>
            <div className="mt-2 text-sm" data-testid="queue-body">
              {item.lead ? (
                <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase">{item.lead}</p>
              ) : null}
              <MarkdownHtml html={item.bodyHtml} />
            </div>
            {item.flags.length ? (
              <ul className="mt-2 space-y-0.5 text-xs text-red-800 dark:text-red-300" aria-label="Flags">
                {item.flags.map((flag, index) => (
                  <li key={index}>
                    ⚑ {flag.reason} <span className="text-stone-500">— {flag.reporter}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-xs text-stone-500">Waiting for approval.</p>
            )}
            <div className="mt-3">
              <ModerationControls
                item={{ ...item, hasFlags: item.flags.length > 0 }}
                onDone={(message) => {
                  setStatus(message);
                  router.refresh();
                }}
              />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

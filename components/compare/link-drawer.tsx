"use client";

import { MarkdownHtml } from "@/components/ui/markdown-html";
import { ReaderLink } from "@/components/reader/reader-link";
import { ThreadView } from "@/components/debate/thread-view";
import type { DebateAbilities, PassageLink } from "@/components/debate/types";
import { RELATION_COLOR, RELATION_LABEL, RELATION_TEXT } from "@/components/debate/vocabulary";
import { VoteButtons } from "@/components/debate/vote-buttons";

// A link opened from its connector: both passages, the rationale, votes and its thread.
export function LinkDrawer({
  link,
  abilities,
  revision,
  onClose,
}: {
  link: PassageLink;
  abilities: DebateAbilities;
  revision: number;
  onClose: () => void;
}) {
  return (
    <aside
      role="dialog"
      aria-label={`${RELATION_LABEL[link.relation]} link`}
      data-testid="link-drawer"
      className="fixed right-4 bottom-4 z-40 max-h-[75vh] w-[min(28rem,calc(100vw-2rem))] overflow-y-auto rounded-xl border border-stone-200 bg-white p-4 shadow-2xl dark:border-stone-700 dark:bg-stone-900"
      onKeyDown={(event) => event.key === "Escape" && onClose()}
    >
      <header className="flex items-start justify-between gap-2">
        <h2 className={`text-sm font-semibold ${RELATION_TEXT[link.relation]}`}>{RELATION_LABEL[link.relation]}</h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-1 text-stone-500 hover:bg-stone-100 dark:hover:bg-stone-800"
          aria-label="Close"
          autoFocus
        >
          ✕
        </button>
      </header>
      {[link.from, link.to].map((passage, index) => (
        <figure key={index} className="mt-2">
          <blockquote
            className="border-l-2 pl-2 font-serif text-sm italic"
            style={{ borderColor: RELATION_COLOR[link.relation] }}
          >
            “{passage.quote}”
          </blockquote>
          <figcaption className="mt-0.5 text-xs text-stone-500">
            <ReaderLink
              href={`/documents/${passage.documentId}#annotation-${passage.annotationId}`}
              className="underline"
            >
              {passage.documentTitle}
            </ReaderLink>
            {index === 0 ? ` · ${RELATION_LABEL[link.relation].toLowerCase()} ↓` : ""}
          </figcaption>
        </figure>
      ))}
      {link.rationale.trim() ? (
        <MarkdownHtml html={link.rationaleHtml} className="mt-2 text-sm" testId="link-rationale" />
      ) : null}
      <div className="mt-2 flex items-center gap-3 text-xs text-stone-500">
        <VoteButtons
          url={`/api/v1/links/${link.id}/votes`}
          tally={{ score: link.score, up: 0, down: 0, mine: 0 }}
          canVote={abilities.canReply}
          label="this link"
        />
        <span>linked by {link.creator.name}</span>
      </div>
      <div className="mt-3 border-t border-stone-200 pt-3 dark:border-stone-800">
        <ThreadView subject={{ kind: "link", id: link.id }} abilities={abilities} revision={revision} />
      </div>
    </aside>
  );
}

"use client";

import { ReaderLink } from "@/components/reader/reader-link";
import { useState } from "react";
import { FlagButton } from "@/components/moderation/flag-button";
import { ReasonForm } from "@/components/moderation/reason-form";
import { MarkdownHtml } from "@/components/ui/markdown-html";
import { ProvenanceNote } from "@/components/ui/provenance-note";
import { apiFetch } from "@/lib/client/api-fetch";
import { ThreadView } from "./thread-view";
import type { DebateAbilities, PassageLink } from "./types";
import { RELATION_COLOR, RELATION_LABEL, RELATION_PASSIVE, RELATION_TEXT } from "./vocabulary";
import { VoteButtons } from "./vote-buttons";

// The links of one passage, each with the passage at its other end, its rationale, votes and thread.
export function LinkList({
  annotationId,
  links,
  abilities,
  threadRevisions,
  onChanged,
}: {
  annotationId: string;
  links: PassageLink[];
  abilities: DebateAbilities;
  threadRevisions: Record<string, number>;
  onChanged?: () => void;
}) {
  const [openId, setOpenId] = useState<string | null>(null);
  const [mergingId, setMergingId] = useState<string | null>(null);
  const endsOf = (link: PassageLink) => [link.from.annotationId, link.to.annotationId].sort().join("|");
  if (!links.length) return null;
  return (
    <ul className="space-y-2" aria-label="Linked passages" data-testid="link-list">
      {links.map((link) => {
        const isOutgoing = link.from.annotationId === annotationId;
        const other = isOutgoing ? link.to : link.from;
        const phrase = isOutgoing ? RELATION_LABEL[link.relation].toLowerCase() : RELATION_PASSIVE[link.relation];
        return (
          <li
            key={link.id}
            data-testid="passage-link"
            data-relation={link.relation}
            className="rounded-md border-l-4 bg-stone-50 p-2 text-xs dark:bg-stone-800/60"
            style={{ borderColor: RELATION_COLOR[link.relation] }}
          >
            <p>
              <span className={`font-semibold ${RELATION_TEXT[link.relation]}`}>
                {isOutgoing ? "This passage " : "This passage is "}
                {phrase}
              </span>{" "}
              <ReaderLink
                href={`/documents/${other.documentId}#annotation-${other.annotationId}`}
                className="underline"
              >
                {other.documentTitle}
              </ReaderLink>
              {link.needsReview ? <span className="ml-1 text-amber-700">· re-anchored, please check</span> : null}
            </p>
            <blockquote className="mt-1 line-clamp-3 font-serif italic text-stone-600 dark:text-stone-400">
              “{other.quote}”
            </blockquote>
            {link.rationale.trim() ? (
              <MarkdownHtml
                html={link.rationaleHtml}
                className="mt-1 text-stone-700 dark:text-stone-300"
                testId="link-rationale"
              />
            ) : null}
            <div className="mt-1 flex items-center gap-3 text-stone-500">
              <VoteButtons
                url={`/api/v1/links/${link.id}/votes`}
                tally={{ score: link.score, up: 0, down: 0, mine: 0 }}
                canVote={abilities.canReply && link.creator.id !== abilities.userId}
                label="this link"
              />
              <button
                type="button"
                aria-expanded={openId === link.id}
                className="hover:text-stone-900 dark:hover:text-white"
                onClick={() => setOpenId(openId === link.id ? null : link.id)}
              >
                {openId === link.id ? "Hide discussion" : `Discuss (${link.replyCount})`}
              </button>
              <span>by {link.creator.name}</span>
              <ProvenanceNote provenance={link.importedFrom} />
              {abilities.canFlag && link.creator.id !== abilities.userId ? (
                <FlagButton targetType="link" targetId={link.id} />
              ) : null}
              {abilities.canModerate &&
              links.some((other) => other.id !== link.id && endsOf(other) === endsOf(link)) ? (
                <button
                  type="button"
                  className="hover:text-stone-900 dark:hover:text-white"
                  onClick={() => setMergingId(mergingId === link.id ? null : link.id)}
                >
                  Merge duplicate…
                </button>
              ) : null}
            </div>
            {mergingId === link.id ? (
              <ReasonForm
                label="Why merge this link into the other one between these passages?"
                submitLabel="Merge"
                onCancel={() => setMergingId(null)}
                onSubmit={async (reason) => {
                  const into = links.find((other) => other.id !== link.id && endsOf(other) === endsOf(link))!;
                  const result = await apiFetch(`/api/v1/links/${link.id}/merge`, {
                    body: { intoLinkId: into.id, reason },
                  });
                  if (result.ok) {
                    setMergingId(null);
                    onChanged?.();
                  }
                  return result;
                }}
              />
            ) : null}
            {openId === link.id ? (
              <div className="mt-2">
                <ThreadView
                  subject={{ kind: "link", id: link.id }}
                  abilities={abilities}
                  revision={threadRevisions[link.id] ?? 0}
                />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

"use client";

import { MarkdownHtml } from "@/components/ui/markdown-html";
import { ProvenanceNote } from "@/components/ui/provenance-note";
import { useState } from "react";
import { FlagButton } from "@/components/moderation/flag-button";
import { ModerationControls } from "@/components/moderation/moderation-controls";
import { apiFetch } from "@/lib/client/api-fetch";
import { ReplyComposer } from "./reply-composer";
import { StanceBadge } from "./stance-badge";
import type { DebateAbilities, ReplyNode } from "./types";
import { STANCE_RULE } from "./vocabulary";
import { VoteButtons } from "./vote-buttons";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
// Deeper branches start folded; the reader opens them on demand.
const OPEN_DEPTH = 3;

const countReplies = (node: ReplyNode): number => node.replies.reduce((sum, child) => sum + 1 + countReplies(child), 0);

export function ReplyItem({
  reply,
  depth,
  abilities,
  isLocked,
  onAnswer,
  onChanged,
}: {
  reply: ReplyNode;
  depth: number;
  abilities: DebateAbilities;
  isLocked: boolean;
  onAnswer: (parentId: string, draft: { body: string; stance: ReplyNode["stance"] }) => ReturnType<typeof apiFetch>;
  onChanged: () => void;
}) {
  const [isOpen, setOpen] = useState(depth < OPEN_DEPTH);
  const [mode, setMode] = useState<"read" | "answer" | "edit">("read");
  const [history, setHistory] = useState<{ body: string; replacedAt: string }[] | null>(null);
  const descendants = countReplies(reply);
  const isOwn = abilities.userId === reply.author.id;
  const showHistory = async () => {
    const result = await apiFetch<{ items: { body: string; replacedAt: string }[] }>(
      `/api/v1/replies/${reply.id}/edits`,
    );
    if (result.ok) setHistory(result.data.items);
  };
  const edit = async (draft: { body: string; stance: ReplyNode["stance"] }) => {
    const result = await apiFetch(`/api/v1/replies/${reply.id}`, {
      method: "PATCH",
      body: { ...draft, version: reply.version },
    });
    if (result.ok) {
      setMode("read");
      onChanged();
    }
    return result;
  };
  return (
    <li
      data-testid="reply"
      data-reply-id={reply.id}
      data-stance={reply.stance}
      className={`border-l-2 pl-3 ${STANCE_RULE[reply.stance]}`}
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
        <StanceBadge stance={reply.stance} />
        <span className="font-medium text-stone-800 dark:text-stone-200">{reply.author.name}</span>
        <time dateTime={reply.createdAt}>{dateFormat.format(new Date(reply.createdAt))}</time>
        <ProvenanceNote provenance={reply.importedFrom} />
        {reply.isPinned ? <span className="font-medium text-accent-700">Pinned</span> : null}
        {reply.status !== "visible" ? <span className="font-medium text-amber-700">{reply.status}</span> : null}
        {reply.editCount ? (
          <button
            type="button"
            className="underline decoration-dotted"
            onClick={() => (history ? setHistory(null) : void showHistory())}
          >
            edited{reply.editCount > 1 ? ` ${reply.editCount}×` : ""}
          </button>
        ) : null}
      </div>
      {mode === "edit" ? (
        <div className="mt-2">
          <ReplyComposer
            label="Edit reply"
            initial={{ body: reply.body, stance: reply.stance }}
            submitLabel="Save"
            onSubmit={edit}
            onCancel={() => setMode("read")}
          />
        </div>
      ) : (
        <MarkdownHtml html={reply.bodyHtml} className="mt-1 text-sm text-stone-800 dark:text-stone-200" />
      )}
      {history ? (
        <ol
          className="mt-1 space-y-1 rounded bg-stone-100 p-2 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300"
          aria-label="Earlier versions"
        >
          {history.map((edit) => (
            <li key={edit.replacedAt}>
              <span className="text-stone-500">until {dateFormat.format(new Date(edit.replacedAt))}:</span> {edit.body}
            </li>
          ))}
        </ol>
      ) : null}
      <div className="mt-1 flex items-center gap-3 text-xs text-stone-500">
        <VoteButtons
          url={`/api/v1/replies/${reply.id}/votes`}
          tally={reply.votes}
          canVote={abilities.canReply && !isOwn}
          label={`${reply.author.name}'s reply`}
        />
        {abilities.canReply && !isLocked ? (
          <button
            type="button"
            className="hover:text-stone-900 dark:hover:text-white"
            onClick={() => setMode(mode === "answer" ? "read" : "answer")}
          >
            Reply
          </button>
        ) : null}
        {isOwn && !isLocked && mode !== "edit" ? (
          <button type="button" className="hover:text-stone-900 dark:hover:text-white" onClick={() => setMode("edit")}>
            Edit
          </button>
        ) : null}
        {descendants ? (
          <button
            type="button"
            aria-expanded={isOpen}
            className="hover:text-stone-900 dark:hover:text-white"
            onClick={() => setOpen(!isOpen)}
          >
            {isOpen ? "Collapse" : `Show ${descendants === 1 ? "1 reply" : `${descendants} replies`}`}
          </button>
        ) : null}
      </div>
      {abilities.canModerate ? (
        <div className="mt-1">
          <ModerationControls
            item={{
              targetType: "reply",
              targetId: reply.id,
              status: reply.status,
              version: reply.version,
              isPinned: reply.isPinned,
            }}
            onDone={onChanged}
          />
        </div>
      ) : abilities.canFlag && !isOwn ? (
        <FlagButton targetType="reply" targetId={reply.id} />
      ) : null}
      {mode === "answer" ? (
        <div className="mt-2">
          <ReplyComposer
            label={`Reply to ${reply.author.name}`}
            onSubmit={async (draft) => {
              const result = await onAnswer(reply.id, draft);
              if (result.ok) {
                setMode("read");
                setOpen(true);
              }
              return result;
            }}
            onCancel={() => setMode("read")}
          />
        </div>
      ) : null}
      {isOpen && reply.replies.length ? (
        <ol className="mt-2 space-y-3">
          {reply.replies.map((child) => (
            <ReplyItem
              key={child.id}
              reply={child}
              depth={depth + 1}
              abilities={abilities}
              isLocked={isLocked}
              onAnswer={onAnswer}
              onChanged={onChanged}
            />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

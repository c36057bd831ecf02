"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { FollowButton } from "@/components/notifications/follow-button";
import { MarkdownHtml } from "@/components/ui/markdown-html";
import { apiFetch } from "@/lib/client/api-fetch";
import { ReplyComposer } from "./reply-composer";
import { ReplyItem } from "./reply-item";
import type { DebateAbilities, Thread, ThreadSubject } from "./types";
import type { Stance } from "./vocabulary";

const base = (subject: ThreadSubject) =>
  `/api/v1/${subject.kind === "annotation" ? "annotations" : "links"}/${subject.id}`;

// The argument under an annotation or a link. `revision` changes when a live
// event says this thread changed, and the thread is read again.
export function ThreadView({
  subject,
  abilities,
  revision = 0,
}: {
  subject: ThreadSubject;
  abilities: DebateAbilities;
  revision?: number;
}) {
  const [thread, setThread] = useState<Thread | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = base(subject);
  const load = useCallback(
    () =>
      apiFetch<Thread>(`${url}/thread`).then((result) => {
        if (result.ok) {
          setThread(result.data);
          setError(null);
        } else setError(result.error.message);
      }),
    [url],
  );
  useEffect(() => {
    void load();
  }, [load, revision]);

  // A link to a reply (?reply=… from a notification) brings it into view, marked, once it is here.
  const section = useRef<HTMLElement>(null);
  const shownReply = useRef<string | null>(null);
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get("reply");
    if (!thread || !id || shownReply.current === id) return;
    const item = section.current?.querySelector<HTMLElement>(`[data-reply-id="${CSS.escape(id)}"]`);
    if (!item) return;
    shownReply.current = id;
    item.dataset.linked = "true";
    item.classList.add("rounded", "ring-2", "ring-accent-500", "ring-offset-2");
    item.scrollIntoView({ block: "center" });
  }, [thread]);

  const post = async (parentId: string | null, draft: { body: string; stance: Stance }) => {
    const result = await apiFetch(`${url}/replies`, { body: { ...draft, parentId } });
    if (result.ok) void load();
    return result;
  };

  if (error) {
    return (
      <p role="alert" className="text-xs text-red-700 dark:text-red-400">
        {error}{" "}
        <button type="button" className="underline" onClick={() => void load()}>
          Try again
        </button>
      </p>
    );
  }
  if (!thread) return <p className="animate-pulse text-xs text-stone-500">Loading the thread…</p>;
  return (
    <section ref={section} aria-label="Thread" className="space-y-3" data-testid="thread">
      {subject.kind === "annotation" && (abilities.canReply || abilities.canFlag) ? (
        <FollowButton targetType="annotation" targetId={subject.id} />
      ) : null}
      {thread.annotation?.resolution ? (
        <div
          className="rounded border border-emerald-300 bg-emerald-50 px-2 py-1 text-xs text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          data-testid="thread-resolution"
        >
          <p className="font-semibold">Resolved{thread.annotation.resolution.summary.trim() ? ":" : ""}</p>
          <MarkdownHtml html={thread.annotation.resolution.summaryHtml} />
        </div>
      ) : null}
      {thread.locked ? (
        <p className="rounded bg-stone-100 px-2 py-1 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300">
          🔒 This thread is locked: no new replies.
        </p>
      ) : null}
      {thread.replies.length ? (
        <ol className="space-y-3">
          {thread.replies.map((reply) => (
            <ReplyItem
              key={reply.id}
              reply={reply}
              depth={0}
              abilities={abilities}
              isLocked={thread.locked}
              onAnswer={(parentId, draft) => post(parentId, draft)}
              onChanged={() => void load()}
            />
          ))}
        </ol>
      ) : (
        <p className="text-xs text-stone-500">
          No replies yet.
          {abilities.canReply && !thread.locked
            ? " Start the argument: say whether you support, oppose, qualify, or ask."
            : ""}
        </p>
      )}
      {abilities.canReply && !thread.locked ? (
        <ReplyComposer label="Reply to the thread" onSubmit={(draft) => post(null, draft)} />
      ) : null}
    </section>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import { apiFetch, type ApiResult } from "@/lib/client/api-fetch";
import { ColorPicker, type AnnotationColor } from "./color-picker";
import { TagInput } from "./tag-input";
import { MentionTextarea } from "@/components/debate/mention-textarea";
import { SelectionRelatedPassages } from "@/components/debate/selection-related-passages";

export type ComposerDraft = { body: string; tags: string[]; color: AnnotationColor };

// Writes or edits an annotation: Markdown with a live preview rendered by the
// server's sanitizer, tags with suggestions, a color. Ctrl/⌘+Enter saves, Escape cancels.
export function AnnotationComposer({
  title,
  quote,
  initial,
  suggestions,
  related,
  onSave,
  onCancel,
}: {
  title: string;
  quote: string;
  initial: ComposerDraft;
  suggestions: string[];
  // A new annotation's selection, for its related passages in other documents.
  related?: { workspaceId: string; documentId: string; start: number; end: number };
  onSave: (draft: ComposerDraft) => Promise<ApiResult<unknown>>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [previewHtml, setPreviewHtml] = useState("");
  const { error, isPending, run } = useApiAction();
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => textarea.current?.focus(), []);
  useEffect(() => {
    if (tab !== "preview") return;
    let isCurrent = true;
    apiFetch<{ html: string }>("/api/v1/markdown/preview", { body: { markdown: draft.body } }).then((result) => {
      if (isCurrent) setPreviewHtml(result.ok ? result.data.html : "<p>Preview unavailable.</p>");
    });
    return () => {
      isCurrent = false;
    };
  }, [tab, draft.body]);

  const save = async () => {
    await run(() => onSave(draft));
  };

  return (
    <form
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        }
      }}
      className="space-y-3 rounded-xl border border-accent-500/40 bg-white p-4 shadow-sm dark:bg-stone-900"
      data-testid="annotation-composer"
    >
      <p className="text-sm font-semibold">{title}</p>
      <blockquote className="line-clamp-3 border-l-2 border-stone-300 pl-3 font-serif text-sm text-stone-600 dark:border-stone-600 dark:text-stone-400">
        {quote}
      </blockquote>
      {related ? <SelectionRelatedPassages {...related} /> : null}
      <div>
        <div role="tablist" aria-label="Comment editor" className="mb-1 flex gap-1 text-xs">
          {(["write", "preview"] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              onClick={() => setTab(name)}
              className="rounded px-2 py-1 capitalize text-stone-600 aria-selected:bg-stone-200 aria-selected:text-stone-900 dark:text-stone-400 dark:aria-selected:bg-stone-800 dark:aria-selected:text-white"
            >
              {name}
            </button>
          ))}
        </div>
        {tab === "write" ? (
          <MentionTextarea
            textareaRef={textarea}
            value={draft.body}
            onValueChange={(body) => setDraft({ ...draft, body })}
            rows={5}
            maxLength={20000}
            aria-label="Comment (Markdown)"
            placeholder="Your comment, in Markdown (optional for a plain highlight)"
            className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-950"
          />
        ) : (
          <div
            className="annotation-body min-h-24 rounded-md border border-dashed border-stone-300 px-3 py-2 text-sm dark:border-stone-700"
            dangerouslySetInnerHTML={{ __html: previewHtml || "<p><em>Nothing to preview.</em></p>" }}
          />
        )}
      </div>
      <TagInput value={draft.tags} onChange={(tags) => setDraft({ ...draft, tags })} suggestions={suggestions} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ColorPicker value={draft.color} onChange={(color) => setDraft({ ...draft, color })} />
        <div className="flex gap-2">
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={isPending}>
            {isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </div>
      <p className="text-xs text-stone-500">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to save · <kbd>Esc</kbd> to cancel
      </p>
      <FormError message={error?.message} />
    </form>
  );
}

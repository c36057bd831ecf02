"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ApiResult } from "@/lib/client/api-fetch";
import { MentionTextarea } from "./mention-textarea";
import { STANCE_LABEL, STANCE_MARK, STANCE_STYLE, STANCES, type Stance } from "./vocabulary";

// Write a reply and say where it stands toward what it answers. Ctrl+Enter posts, Esc cancels.
export function ReplyComposer({
  label,
  initial = { body: "", stance: null },
  submitLabel = "Reply",
  onSubmit,
  onCancel,
}: {
  label: string;
  initial?: { body: string; stance: Stance | null };
  submitLabel?: string;
  onSubmit: (draft: { body: string; stance: Stance }) => Promise<ApiResult<unknown>>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [body, setBody] = useState(initial.body);
  const [stance, setStance] = useState<Stance | null>(initial.stance);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const submit = async () => {
    if (!stance) return setError("Choose a stance: supports, opposes, qualifies or asks.");
    if (!body.trim()) return setError("Write something to reply.");
    setSaving(true);
    const result = await onSubmit({ body, stance });
    setSaving(false);
    if (!result.ok) setError(result.error.message);
    else if (!initial.body) {
      setBody("");
      setStance(null);
      setError(null);
    }
  };
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit();
        if (event.key === "Escape" && onCancel) onCancel();
      }}
    >
      <fieldset className="flex flex-wrap gap-1">
        <legend className="sr-only">Stance</legend>
        {STANCES.map((option) => (
          <label
            key={option}
            className={`cursor-pointer rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset has-checked:font-semibold has-focus-visible:outline-2 ${stance === option ? STANCE_STYLE[option] : "text-stone-600 ring-stone-300 dark:text-stone-400 dark:ring-stone-700"}`}
          >
            <input
              type="radio"
              className="sr-only"
              name={`${id}-stance`}
              value={option}
              checked={stance === option}
              onChange={() => setStance(option)}
            />
            <span aria-hidden>{STANCE_MARK[option]} </span>
            {STANCE_LABEL[option]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-body`} className="sr-only">
        {label}
      </label>
      <MentionTextarea
        id={`${id}-body`}
        className={`${inputClass} min-h-20 font-sans`}
        value={body}
        onValueChange={setBody}
        placeholder="Markdown; @name mentions a member"
        maxLength={20_000}
      />
      {error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={isSaving} className="px-2.5! py-1! text-xs">
          {isSaving ? "Posting…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="ghost" className="px-2.5! py-1! text-xs" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <span className="text-xs text-stone-500">Ctrl+Enter</span>
      </div>
    </form>
  );
}

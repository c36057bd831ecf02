"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ApiResult } from "@/lib/client/api-fetch";

// A one-line "why?" before a flag or a moderation action; Esc cancels.
export function ReasonForm({
  label,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<ApiResult<unknown>>;
  onCancel: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  return (
    <form
      className="mt-2 flex flex-wrap items-start gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaving(true);
        const result = await onSubmit(reason);
        setSaving(false);
        if (!result.ok) setError(result.error.message);
      }}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        className={`${inputClass} min-w-48 flex-1 py-1! text-xs`}
        placeholder={label}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        autoFocus
        maxLength={2000}
      />
      <Button type="submit" disabled={isSaving} className="px-2.5! py-1! text-xs">
        {submitLabel}
      </Button>
      <Button type="button" variant="ghost" className="px-2.5! py-1! text-xs" onClick={onCancel}>
        Cancel
      </Button>
      {error ? (
        <p role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}

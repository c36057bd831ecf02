"use client";

import { useId, useState, type KeyboardEvent } from "react";

// Tags as removable chips; typing suggests tags already used in the workspace.
export function TagInput({
  value,
  onChange,
  suggestions,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
}) {
  const [draft, setDraft] = useState("");
  const listId = useId();
  const add = (raw: string) => {
    const tag = raw.trim().replace(/^#/, "").replace(/,/g, "");
    if (tag && !value.includes(tag) && value.length < 20) onChange([...value, tag.slice(0, 50)]);
    setDraft("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === "Enter" || event.key === ",") && draft.trim()) {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && !draft && value.length) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-1.5 rounded-md border border-stone-300 bg-white px-2 py-1.5 focus-within:outline-2 focus-within:outline-accent-500 dark:border-stone-700 dark:bg-stone-900">
      {value.map((tag) => (
        <span
          key={tag}
          className="inline-flex items-center gap-1 rounded-full bg-stone-100 px-2 py-0.5 text-xs dark:bg-stone-800"
        >
          {tag}
          <button
            type="button"
            onClick={() => onChange(value.filter((other) => other !== tag))}
            aria-label={`Remove tag ${tag}`}
            className="text-stone-500 hover:text-stone-900 dark:hover:text-white"
          >
            ×
          </button>
        </span>
      ))}
      <input
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && add(draft)}
        list={listId}
        aria-label="Add a tag"
        placeholder={value.length ? "" : "Add tags…"}
        className="min-w-24 flex-1 bg-transparent text-sm outline-none"
      />
      <datalist id={listId}>
        {suggestions
          .filter((tag) => !value.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
    </div>
  );
}

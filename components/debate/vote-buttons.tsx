"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

export type Tally = { score: number; up: number; down: number; mine: number };

// Up/down votes; pressing your current vote again takes it back.
export function VoteButtons({
  url,
  tally,
  canVote,
  label,
}: {
  url: string;
  tally: Tally;
  canVote: boolean;
  label: string;
}) {
  const [current, setCurrent] = useState(tally);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(tally);
  if (seen !== tally) {
    setSeen(tally);
    setCurrent(tally);
  }
  const vote = async (value: 1 | -1) => {
    const next = current.mine === value ? 0 : value;
    const result = await apiFetch<Tally>(url, { body: { value: next } });
    if (result.ok) {
      setCurrent(result.data);
      setError(null);
    } else setError(result.error.message);
  };
  const button =
    "rounded px-1.5 py-0.5 text-xs hover:bg-stone-200 disabled:cursor-default disabled:hover:bg-transparent aria-pressed:font-bold aria-pressed:text-accent-700 dark:hover:bg-stone-800 dark:aria-pressed:text-accent-100";
  return (
    <span className="inline-flex items-center gap-0.5" role="group" aria-label={`Votes on ${label}`}>
      <button
        type="button"
        className={button}
        disabled={!canVote}
        aria-pressed={current.mine === 1}
        aria-label="Vote up"
        title={`${current.up} up`}
        onClick={() => void vote(1)}
      >
        ▲
      </button>
      <span
        className="min-w-5 text-center text-xs tabular-nums"
        data-testid="vote-score"
        aria-label={`Score ${current.score}`}
      >
        {current.score}
      </span>
      <button
        type="button"
        className={button}
        disabled={!canVote}
        aria-pressed={current.mine === -1}
        aria-label="Vote down"
        title={`${current.down} down`}
        onClick={() => void vote(-1)}
      >
        ▼
      </button>
      {error ? (
        <span role="alert" className="ml-1 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

// For the filters placed beside the box.
export const searchFilterClass =
  "rounded-md border border-stone-300 bg-white px-2 py-2 text-sm dark:border-stone-600 dark:bg-stone-900";

const TYPING_DELAY_MS = 250;

// The search form: results follow the words as they are typed (the last word matches as a
// prefix), and Enter or the filters submit it like any form, so it works without script too.
export function SearchBox({ placeholder, children }: { placeholder: string; children?: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [value, setValue] = useState(params.get("q") ?? "");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const navigate = (q: string) => {
    const next = new URLSearchParams(
      formRef.current ? (new FormData(formRef.current) as unknown as Record<string, string>) : {},
    );
    next.set("q", q);
    next.delete("cursor");
    for (const [key, entry] of Array.from(next.entries())) if (!entry) next.delete(key);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  return (
    <form ref={formRef} role="search" className="flex flex-wrap items-end gap-2" action={pathname}>
      <div className="min-w-64 flex-1">
        <label htmlFor="q" className="sr-only">
          Search words
        </label>
        <input
          id="q"
          name="q"
          type="search"
          value={value}
          onChange={(event) => {
            const q = event.target.value;
            setValue(q);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => navigate(q), TYPING_DELAY_MS);
          }}
          placeholder={placeholder}
          className={inputClass}
          autoComplete="off"
          autoFocus
        />
      </div>
      {children}
      <button type="submit" className={buttonClass()}>
        Search
      </button>
    </form>
  );
}

import type { OutlineEntry } from "@/lib/documents/structure/outline";

// The headings of a long document as links to them (the reader's headings
// carry id="s-<start>"): a disclosure above the text, closed by default so
// the text comes first; a native <details>, so it works from the keyboard
// and on phones without script.
export function DocumentOutline({ entries, pageCount }: { entries: OutlineEntry[]; pageCount: number | null }) {
  if (entries.length < 2) return null;
  const top = Math.min(...entries.map((entry) => entry.level));
  return (
    <nav
      aria-label="Outline"
      data-testid="document-outline"
      className="mb-6 rounded-lg border border-stone-200 bg-white text-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <details>
        <summary className="cursor-pointer rounded-lg px-4 py-2.5 font-medium text-stone-700 select-none hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800">
          Outline
          <span className="ml-2 font-normal text-stone-500 dark:text-stone-400">
            {entries.length} sections{pageCount ? ` · ${pageCount} pages` : ""}
          </span>
        </summary>
        <ol className="max-h-[60vh] overflow-y-auto px-2 pb-3">
          {entries.map((entry) => (
            <li key={entry.start} style={{ paddingLeft: `${(entry.level - top) * 1}rem` }}>
              <a
                href={`#s-${entry.start}`}
                className="flex items-baseline justify-between gap-3 rounded px-2 py-1.5 text-stone-700 hover:bg-stone-100 hover:text-stone-950 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white"
              >
                <span className={entry.level === top ? "font-medium" : undefined}>{entry.text}</span>
                {entry.page ? (
                  <span className="shrink-0 text-xs text-stone-500 tabular-nums dark:text-stone-400">
                    p. {entry.page}
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}

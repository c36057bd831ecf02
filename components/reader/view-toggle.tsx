import { ReaderLink } from "./reader-link";

// Text (the canonical text, reflowed) or Original (the PDF's pages): two links, so the
// choice lives in the URL (?view=original) and works with the keyboard and history.
export function ViewToggle({ documentId, view }: { documentId: string; view: "text" | "original" }) {
  const item = (target: "text" | "original", label: string) => (
    <ReaderLink
      href={target === "original" ? `/documents/${documentId}?view=original` : `/documents/${documentId}`}
      aria-current={view === target ? "page" : undefined}
      className={
        view === target
          ? "rounded-md bg-white px-3 py-1 font-medium text-stone-900 shadow-sm dark:bg-stone-700 dark:text-white"
          : "rounded-md px-3 py-1 text-stone-600 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white"
      }
    >
      {label}
    </ReaderLink>
  );
  return (
    <nav
      aria-label="View"
      className="mb-4 inline-flex gap-1 rounded-lg bg-stone-200/70 p-1 text-sm dark:bg-stone-800"
      data-testid="view-toggle"
    >
      {item("text", "Text")}
      {item("original", "Original")}
    </nav>
  );
}

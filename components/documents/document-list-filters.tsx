import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import type { ListDocumentsQuery } from "@/lib/validations/document";

const controlClass =
  "rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-900";

const FORMATS = [
  ["pdf", "PDF"],
  ["docx", "Word"],
  ["html", "Web page"],
  ["markdown", "Markdown"],
  ["text", "Plain text"],
] as const;

// Sorting and narrowing the document list: a plain GET form (it works without script), so
// every view of the list has its own address to share or bookmark.
export function DocumentListFilters({
  path,
  query,
  authors,
  isFiltered,
}: {
  path: string;
  query: ListDocumentsQuery;
  authors: string[];
  isFiltered: boolean;
}) {
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label="Sort and filter documents"
      className="flex flex-wrap items-end gap-2"
    >
      <label className="flex flex-col gap-1 text-xs text-stone-600 dark:text-stone-400">
        Sort by
        <select name="sort" defaultValue={query.sort} className={controlClass}>
          <option value="added">Recently added</option>
          <option value="published">Publication date</option>
          <option value="title">Title</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-stone-600 dark:text-stone-400">
        Format
        <FilterSelect
          name="format"
          label="Format"
          anyLabel="Any format"
          options={FORMATS}
          defaultValue={query.format ?? ""}
          className={controlClass}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs text-stone-600 dark:text-stone-400">
        Author
        <input
          name="author"
          list="document-authors"
          defaultValue={query.author ?? ""}
          placeholder="Anyone"
          className={`${controlClass} w-44`}
        />
        <datalist id="document-authors">
          {authors.map((author) => (
            <option key={author} value={author} />
          ))}
        </datalist>
      </label>
      <fieldset className="flex flex-col gap-1 text-xs text-stone-600 dark:text-stone-400">
        <legend className="mb-1">Published</legend>
        <span className="flex items-center gap-1">
          <input
            name="from"
            type="number"
            inputMode="numeric"
            min={1000}
            max={9999}
            placeholder="from"
            aria-label="Published from (year)"
            defaultValue={query.from ?? ""}
            className={`${controlClass} w-20`}
          />
          <span aria-hidden="true">–</span>
          <input
            name="to"
            type="number"
            inputMode="numeric"
            min={1000}
            max={9999}
            placeholder="to"
            aria-label="Published to (year)"
            defaultValue={query.to ?? ""}
            className={`${controlClass} w-20`}
          />
        </span>
      </fieldset>
      <label className="flex flex-col gap-1 text-xs text-stone-600 dark:text-stone-400">
        Discussion
        <FilterSelect
          name="discussed"
          label="Discussion"
          anyLabel="All documents"
          options={[
            ["yes", "With passages"],
            ["no", "Not yet discussed"],
          ]}
          defaultValue={query.discussed ?? ""}
          className={controlClass}
        />
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
      {isFiltered ? (
        <Link href={path} className={buttonClass("ghost")}>
          Clear
        </Link>
      ) : null}
    </form>
  );
}

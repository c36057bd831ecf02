import Link from "next/link";

const linkClass =
  "rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";

// Previous / next page links with where the reader is ("51–100 of 10,000").
export function PageLinks({
  page,
  pageSize,
  total,
  hrefFor,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  label: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-stone-600 dark:text-stone-400">
        {first.toLocaleString("en")}–{last.toLocaleString("en")} of {total.toLocaleString("en")} · page {page} of{" "}
        {pages.toLocaleString("en")}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <>
            <Link href={hrefFor(1)} className={linkClass} aria-label="First page">
              « First
            </Link>
            <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
              ‹ Previous
            </Link>
          </>
        ) : null}
        {page < pages ? (
          <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
            Next ›
          </Link>
        ) : null}
      </div>
    </nav>
  );
}

"use client";

import type { ReaderAnnotation } from "@/lib/annotations/presenters";

const BUCKETS = 60;

// A slim column showing where in the document annotations cluster; each band
// is darker the more annotations start in it, and clicking it scrolls there.
export function ReaderMinimap({
  annotations,
  length,
  onJump,
}: {
  annotations: ReaderAnnotation[];
  length: number;
  onJump: (offset: number) => void;
}) {
  const counts = new Array<number>(BUCKETS).fill(0);
  for (const annotation of annotations)
    counts[Math.min(BUCKETS - 1, Math.floor((annotation.start / Math.max(1, length)) * BUCKETS))]! += 1;
  const max = Math.max(1, ...counts);
  return (
    <nav
      aria-label="Where annotations cluster"
      className="sticky top-20 hidden h-[calc(100vh-7rem)] w-3 flex-col overflow-hidden rounded-full bg-stone-200/70 lg:flex dark:bg-stone-800"
      data-testid="minimap"
    >
      {counts.map((count, bucket) => (
        <button
          key={bucket}
          type="button"
          tabIndex={count ? 0 : -1}
          onClick={() => onJump(Math.floor((bucket / BUCKETS) * length))}
          aria-label={`${count} annotation${count === 1 ? "" : "s"} at ${Math.round((bucket / BUCKETS) * 100)}% of the document`}
          title={count ? `${count} annotation${count === 1 ? "" : "s"}` : undefined}
          className="w-full flex-1 bg-accent-600"
          style={{ opacity: count ? 0.2 + 0.8 * (count / max) : 0 }}
        />
      ))}
    </nav>
  );
}

import type { ReactNode } from "react";

// Says what the map leaves out ("12 of 40 links"), so no limit is silent; nothing when nothing is.
export function LeftOutNotice({ parts, children }: { parts: Array<[number, number, string]>; children: ReactNode }) {
  const missing = parts.filter(([leftOut]) => leftOut > 0);
  if (!missing.length) return null;
  return (
    <p
      role="status"
      data-testid="map-notice"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      Left out:{" "}
      {missing
        .map(([leftOut, total, noun]) => `${leftOut.toLocaleString("en")} of ${total.toLocaleString("en")} ${noun}`)
        .join(" and ")}
      . {children}
    </p>
  );
}

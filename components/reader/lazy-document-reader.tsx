"use client";

import dynamic from "next/dynamic";

// The interactive layer loads after the page has hydrated: the text and its
// highlights (server-rendered HTML) paint without waiting for it.
export const LazyDocumentReader = dynamic(() => import("./document-reader").then((module) => module.DocumentReader), {
  ssr: false,
  loading: () => (
    <p role="status" className="animate-pulse text-sm text-stone-500 lg:col-start-3">
      Loading annotations…
    </p>
  ),
});

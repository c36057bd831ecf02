"use client";

import { useEffect, useState } from "react";
import { renderedTextFor, type RenderedText } from "@/lib/reader/rendered-text-cache";

export const READER_TEXT_EVENT = "counterpoint:reader-text";

// The document's text with its highlights, as escaped HTML rendered by the server
// (lib/reader/render-text-html.ts). The page passes only its key: when rendered to
// HTML the text comes from the server's cache, when hydrating from the HTML already
// in the page, so it is sent once and never repeated in the hydration data. When the
// key changes (new highlights after a refresh) the new text is fetched.
// The annotation ids that highlights refer to by index ride on the container.
export function ReaderText({ documentId, textKey }: { documentId: string; textKey: string }) {
  const [text, setText] = useState(() => initialText(textKey));
  const isCurrent = text?.key === textKey;
  useEffect(() => {
    if (isCurrent) return;
    let isWanted = true;
    void fetch(`/documents/${encodeURIComponent(documentId)}/reader-text`, { headers: { accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<RenderedText>) : null))
      .then((fetched) => {
        if (isWanted && fetched) setText(fetched);
      })
      .catch(() => undefined);
    return () => {
      isWanted = false;
    };
  }, [documentId, textKey, isCurrent]);
  // Tell the interactive layer that the highlights it attached to were replaced.
  useEffect(() => {
    if (text) document.dispatchEvent(new Event(READER_TEXT_EVENT));
  }, [text]);
  return (
    <div
      data-reader-text
      data-text-key={text?.key}
      data-annotation-ids={text?.annotationIds.join(" ")}
      className="reader-text font-serif text-[1.14rem] leading-[1.8] text-stone-900 dark:text-stone-200"
      dangerouslySetInnerHTML={{ __html: text?.html ?? "" }}
      suppressHydrationWarning
    />
  );
}

function initialText(key: string): RenderedText | null {
  if (typeof window === "undefined") return renderedTextFor(key) ?? null;
  const element = document.querySelector<HTMLElement>(`[data-reader-text][data-text-key="${CSS.escape(key)}"]`);
  if (!element) return null;
  const ids = element.dataset.annotationIds ?? "";
  return { key, html: element.innerHTML, annotationIds: ids ? ids.split(" ") : [] };
}

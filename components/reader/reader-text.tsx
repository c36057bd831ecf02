"use client";

import { useEffect, useMemo, useState } from "react";
import { renderedTextFor, type RenderedText } from "@/lib/reader/rendered-text-cache";
import { idListHtml } from "./highlight-marks";

export const READER_TEXT_EVENT = "counterpoint:reader-text";

// The document's text with its highlights, as escaped HTML rendered by the server
// (lib/reader/render-text-html.ts), sent once:
// - when the browser loads the page as a document, the page passes only the text's key:
//   the server renders the HTML from its cache (rendered-text-cache.ts) and hydration
//   reads it back from the HTML already in the page, so it is never repeated in the
//   hydration data;
// - after a client-side navigation or a refresh (router.refresh() after a change) the
//   framework's payload is the only copy: the page passes the text itself (`text`), and
//   it arrives with the rest of the page, never after it.
// Should neither be there (the HTML was changed by something else), it is fetched.
// The annotation ids that highlights refer to by index follow the text (idListHtml).
export function ReaderText({
  documentId,
  textKey,
  text: sent,
}: {
  documentId: string;
  textKey: string;
  text?: RenderedText;
}) {
  const [text, setText] = useState<RenderedText | null>(() => sent ?? initialText(textKey));
  // A text that comes with the page replaces the one shown only when its highlights differ:
  // the same text again (a refresh after a reply) keeps the DOM, and the marks' state, as is.
  if (sent && sent.key !== text?.key) setText(sent);
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
  // Tell the interactive layer (and the search match) that the highlights were replaced.
  const shownKey = text?.key;
  useEffect(() => {
    if (shownKey) document.dispatchEvent(new Event(READER_TEXT_EVENT));
  }, [shownKey]);
  const html = useMemo(() => (text ? text.html + idListHtml(text.annotationIds) : ""), [text]);
  return (
    <div
      data-reader-text
      data-text-key={text?.key}
      className="reader-text font-serif text-[1.14rem] leading-[1.8] text-stone-900 dark:text-stone-200"
      dangerouslySetInnerHTML={{ __html: html }}
      suppressHydrationWarning
    />
  );
}

function initialText(key: string): RenderedText | null {
  if (typeof window === "undefined") return renderedTextFor(key) ?? null;
  const element = document.querySelector<HTMLElement>(`[data-reader-text][data-text-key="${CSS.escape(key)}"]`);
  const list = element?.lastElementChild;
  if (!(list instanceof HTMLTemplateElement) || list.dataset.annotationIds === undefined) return null;
  const ids = list.dataset.annotationIds;
  const html = element!.innerHTML;
  // The text is escaped (render-text-html.ts): the list's tag is the only "<template" in it.
  return { key, html: html.slice(0, html.lastIndexOf("<template")), annotationIds: ids ? ids.split(" ") : [] };
}

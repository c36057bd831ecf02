"use client";

import { useEffect, useRef, type RefObject } from "react";
import { offsetsToRange, rangeToOffsets, readingOffset, sentenceNear } from "./text-offsets";

export type ReaderShortcuts = {
  escape: () => void;
  toggleHelp: () => void;
  annotate: () => void;
  highlight: () => void;
  // J/K: the next or previous annotation.
  move: (step: 1 | -1) => void;
  canAnnotateSelection: boolean;
};

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

// Keyboard: A annotate, H highlight, J/K next/previous annotation, ] / [ select
// sentences (Shift extends), ? help, Esc closes. Bound once; always calls the latest handlers.
export function useReaderShortcuts(textRef: RefObject<HTMLElement | null>, shortcuts: ReaderShortcuts) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const current = latest.current;
      const root = textRef.current;
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || !root) return;
      if (event.key === "Escape") current.escape();
      else if (event.key === "?") current.toggleHelp();
      else if ((event.key === "a" || event.key === "h") && current.canAnnotateSelection) {
        event.preventDefault();
        if (event.key === "a") current.annotate();
        else current.highlight();
      } else if (event.key === "j" || event.key === "k") current.move(event.key === "j" ? 1 : -1);
      else if (event.key === "]" || event.key === "[" || event.key === "}" || event.key === "{") {
        event.preventDefault();
        selectSentence(root, event.key === "]" || event.key === "}", event.shiftKey);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [textRef]);
}

// Selects the next (or previous) sentence after the selection, or extends it by one.
// Without a selection, either key starts at the reading position: the first sentence in view.
function selectSentence(root: HTMLElement, isForward: boolean, isExtending: boolean) {
  // Read the live selection: state may lag a frame behind fast key presses.
  const domSelection = window.getSelection();
  const current = domSelection?.rangeCount ? rangeToOffsets(root, domSelection.getRangeAt(0)) : null;
  const headerBottom = document.querySelector("[data-site-header]")?.getBoundingClientRect().bottom ?? 0;
  const sentence = current
    ? sentenceNear(root, isForward ? current.end : current.start, isForward ? 1 : -1)
    : sentenceNear(root, readingOffset(root, Math.max(0, headerBottom)), 1);
  if (!sentence) return;
  const extend = isExtending && current;
  const range = offsetsToRange(
    root,
    extend ? Math.min(current.start, sentence.start) : sentence.start,
    extend ? Math.max(current.end, sentence.end) : sentence.end,
  );
  if (!range) return;
  domSelection?.removeAllRanges();
  domSelection?.addRange(range);
  // Scroll only when the sentence is out of view (it stays where the reader is looking otherwise).
  const rect = range.getBoundingClientRect();
  if (rect.top < headerBottom || rect.bottom > window.innerHeight)
    range.startContainer.parentElement?.scrollIntoView({ block: "center" });
}

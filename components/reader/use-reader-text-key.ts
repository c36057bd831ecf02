"use client";

import { useSyncExternalStore } from "react";
import { READER_TEXT_EVENT } from "./reader-text";

const subscribe = (onChange: () => void) => {
  document.addEventListener(READER_TEXT_EVENT, onChange);
  return () => document.removeEventListener(READER_TEXT_EVENT, onChange);
};
const currentKey = () => document.querySelector<HTMLElement>("[data-reader-text]")?.dataset.textKey ?? "";

// The key of the marked text now in the reader ("" while there is none): it changes when
// the text arrives or its highlights are replaced, so effects that attach to the text's
// DOM run again then.
export function useReaderTextKey(serverKey = ""): string {
  return useSyncExternalStore(subscribe, currentKey, () => serverKey);
}

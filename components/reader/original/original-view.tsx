"use client";

import type { PDFDocumentProxy } from "pdfjs-dist";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ReaderAnnotation } from "@/lib/annotations/presenters";
import { apiFetch } from "@/lib/client/api-fetch";
import { pageWindow, type PageBlock } from "@/lib/reader/pdf-alignment";
import { OriginalPage, type PageHighlight } from "./original-page";
import { setCanonicalText } from "./original-offsets";
import { loadPdfJs, openPdf } from "./pdf-loader";

// Where the reader asked to go: an annotation (scrolled to its highlight) or an offset.
export type OriginalFocus = { id?: string; offset: number; nonce: number };

type Loaded = { pdf: PDFDocumentProxy; codePoints: string[]; blocks: PageBlock[]; sizes: Array<[number, number]> };

const ZOOMS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];
// Pages this far outside the viewport are rendered ahead (and released beyond it).
const NEAR = "1200px 0px";

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

const pageOf = (blocks: PageBlock[], offset: number) =>
  blocks.filter((block) => block.start <= offset && block.page).at(-1)?.page ?? 1;

// The PDF as it was laid out: pages rendered with pdf.js as they come near, a text
// layer per page aligned to the canonical text, the annotations drawn on it. Zoom
// (buttons, + - 0) and page navigation (PageUp/PageDown, "page N of M").
export function OriginalView({
  documentId,
  annotations,
  annotationIds,
  shownIds,
  selectedId,
  focus,
  onHighlightClick,
}: {
  documentId: string;
  annotations: ReaderAnnotation[];
  annotationIds: string[];
  shownIds: Set<string>;
  selectedId: string | null;
  focus: OriginalFocus | null;
  onHighlightClick: (mark: HTMLElement) => void;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const [fitWidth, setFitWidth] = useState(0);
  const [near, setNear] = useState<Set<number>>(() => new Set());
  const [current, setCurrent] = useState(1);
  const [pageInput, setPageInput] = useState("1");
  const pagesRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const pending = useRef<OriginalFocus | null>(null);

  // The file and the canonical text with its blocks, together; then every page's size in the background.
  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    (async () => {
      // pdf.js (and its worker) load while the file and the text are fetched.
      const [file, document] = await Promise.all([
        fetch(`/api/v1/documents/${documentId}/original`).then((response) => {
          if (!response.ok) throw new Error(`The original file could not be loaded (${response.status}).`);
          return response.arrayBuffer();
        }),
        apiFetch<{ text: string; blocks: PageBlock[] }>(`/api/v1/documents/${documentId}`),
        loadPdfJs(),
      ]);
      if (!document.ok) throw new Error(document.error.message);
      const pdf = await openPdf(file);
      opened = pdf;
      if (cancelled) return;
      const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
      const sizes: Array<[number, number]> = Array.from({ length: pdf.numPages }, () => [first.width, first.height]);
      setLoaded({ pdf, codePoints: Array.from(document.data.text), blocks: document.data.blocks ?? [], sizes });
      // Pages of another size (a landscape table) get their own placeholder once known.
      let changed = false;
      for (let number = 2; number <= pdf.numPages && !cancelled; number += 1) {
        const viewport = (await pdf.getPage(number)).getViewport({ scale: 1 });
        if (viewport.width !== first.width || viewport.height !== first.height) {
          sizes[number - 1] = [viewport.width, viewport.height];
          changed = true;
        }
      }
      if (changed && !cancelled) setLoaded((state) => state && { ...state, sizes: [...sizes] });
    })().catch((caught: unknown) => {
      if (!cancelled) setError(caught instanceof Error ? caught.message : "The original could not be shown.");
    });
    return () => {
      cancelled = true;
      void opened?.loadingTask.destroy();
    };
  }, [documentId]);

  useEffect(() => {
    const root = pagesRef.current?.closest("[data-reader-text]");
    if (root && loaded) setCanonicalText(root, loaded.codePoints);
  }, [loaded]);

  // Fit the widest page to the column; zoom multiplies that.
  useEffect(() => {
    const element = pagesRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setFitWidth(entry!.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [loaded]);
  const baseWidth = loaded ? Math.max(...loaded.sizes.map(([width]) => width)) : 0;
  const scale = baseWidth && fitWidth ? (fitWidth / baseWidth) * zoom : 0;

  // Which pages are near the viewport: those are rendered.
  useEffect(() => {
    const element = pagesRef.current;
    if (!element || !scale) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setNear((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const number = Number((entry.target as HTMLElement).dataset.pageNumber);
            if (entry.isIntersecting) next.add(number);
            else next.delete(number);
          }
          return next;
        }),
      { rootMargin: NEAR },
    );
    element.querySelectorAll("[data-page-number]").forEach((page) => observer.observe(page));
    return () => observer.disconnect();
  }, [loaded, scale]);

  // The current page: the one a third of the way down the window.
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // The page at a third of the way down the part of the window below the toolbar.
        const toolbar = toolbarRef.current?.getBoundingClientRect().bottom ?? 0;
        const top = toolbar + (window.innerHeight - toolbar) / 3;
        const pages = pagesRef.current?.querySelectorAll<HTMLElement>("[data-page-number]") ?? [];
        for (const page of pages) {
          if (page.getBoundingClientRect().bottom > top) {
            const number = Number(page.dataset.pageNumber);
            setCurrent(number);
            setPageInput(String(number));
            break;
          }
        }
      });
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
    };
  }, []);

  const pageCount = loaded?.pdf.numPages ?? 0;
  // Scrolling updates the current page (above).
  const scrollToPage = useCallback(
    (number: number) =>
      pagesRef.current
        ?.querySelector<HTMLElement>(`[data-page-number="${Math.min(Math.max(1, number), pageCount)}"]`)
        ?.scrollIntoView({ block: "start" }),
    [pageCount],
  );
  const goToPage = useCallback(
    (number: number) => {
      const target = Math.min(Math.max(1, number), pageCount);
      scrollToPage(target);
      setCurrent(target);
      setPageInput(String(target));
    },
    [pageCount, scrollToPage],
  );

  const zoomBy = useCallback((step: 1 | -1 | 0) => {
    setZoom((value) => {
      if (step === 0) return 1;
      const index = ZOOMS.findIndex((candidate) => candidate >= value - 1e-6);
      return ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, index + step))]!;
    });
  }, []);

  // Keyboard: PageDown/PageUp a page, + and - zoom, 0 fits the width.
  const keys = useRef({ current, goToPage, zoomBy });
  useEffect(() => {
    keys.current = { current, goToPage, zoomBy };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const { current: page, goToPage: go, zoomBy: zoomStep } = keys.current;
      if (event.key === "PageDown" || event.key === "PageUp") {
        event.preventDefault();
        go(page + (event.key === "PageDown" ? 1 : -1));
      } else if (event.key === "+" || event.key === "=") zoomStep(1);
      else if (event.key === "-") zoomStep(-1);
      else if (event.key === "0") zoomStep(0);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  // Highlights per page: the annotations overlapping the page's stretch of text.
  const highlightsByPage = useMemo(() => {
    const byPage = new Map<number, PageHighlight[]>();
    if (!loaded) return byPage;
    const index = new Map(annotationIds.map((id, position) => [id, position]));
    const windows = Array.from({ length: pageCount }, (_, page) =>
      pageWindow(loaded.blocks, page + 1, loaded.codePoints.length),
    );
    for (const annotation of annotations) {
      windows.forEach((window, page) => {
        if (annotation.start >= window.end || annotation.end <= window.start) return;
        const list = byPage.get(page + 1) ?? [];
        list.push({
          id: annotation.id,
          index: index.get(annotation.id) ?? -1,
          start: annotation.start,
          end: annotation.end,
          color: annotation.color,
        });
        byPage.set(page + 1, list);
      });
    }
    return byPage;
  }, [loaded, annotations, annotationIds, pageCount]);

  // Going to an annotation or an offset: to its page, then (once drawn) to its highlight.
  const reveal = useCallback((target: OriginalFocus) => {
    const mark = target.id
      ? pagesRef.current?.querySelector<HTMLElement>(`mark[data-annotation-id="${CSS.escape(target.id)}"]`)
      : null;
    if (!mark) return false;
    mark.scrollIntoView({ block: "center" });
    const marks = pagesRef.current!.querySelectorAll<HTMLElement>(
      `mark[data-annotation-id="${CSS.escape(target.id!)}"]`,
    );
    marks.forEach((element) => element.classList.add("is-flash"));
    setTimeout(() => marks.forEach((element) => element.classList.remove("is-flash")), 2200);
    return true;
  }, []);
  useEffect(() => {
    if (!focus || !loaded || !scale) return;
    if (reveal(focus)) return;
    pending.current = focus.id ? focus : null;
    scrollToPage(pageOf(loaded.blocks, focus.offset));
  }, [focus, loaded, scale, scrollToPage, reveal]);
  const onMarks = useCallback(() => {
    if (pending.current && reveal(pending.current)) pending.current = null;
  }, [reveal]);

  // A click on a highlight (under the transparent text layer) selects its annotation.
  const onClick = (event: React.MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const mark = document
      .elementsFromPoint(event.clientX, event.clientY)
      .find((element): element is HTMLElement => element.matches("mark[data-a]"));
    if (mark) onHighlightClick(mark);
  };

  if (error) {
    return (
      <div
        role="alert"
        className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200"
      >
        {error} The text view still shows the document.
      </div>
    );
  }

  return (
    <div data-annotation-ids={annotationIds.join(" ")} data-testid="original-view">
      <div
        ref={toolbarRef}
        role="toolbar"
        aria-label="Original view"
        className="sticky top-16 z-10 mb-3 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white/95 px-3 py-1.5 text-sm shadow-sm backdrop-blur dark:border-stone-700 dark:bg-stone-900/95"
      >
        <form
          className="flex items-center gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            const number = Number(pageInput);
            if (Number.isInteger(number)) goToPage(number);
          }}
        >
          <label htmlFor="original-page-input">Page</label>
          <input
            id="original-page-input"
            inputMode="numeric"
            value={pageInput}
            onChange={(event) => setPageInput(event.target.value)}
            onBlur={() => setPageInput(String(current))}
            className="w-12 rounded border border-stone-300 bg-transparent px-1 text-center dark:border-stone-600"
            aria-describedby="original-page-count"
          />
          <span id="original-page-count">of {pageCount || "…"}</span>
        </form>
        <div className="flex items-center gap-1">
          <ToolButton label="Zoom out (-)" onClick={() => zoomBy(-1)}>
            −
          </ToolButton>
          <button
            type="button"
            onClick={() => zoomBy(0)}
            title="Fit to width (0)"
            className="min-w-14 rounded px-1.5 py-0.5 tabular-nums hover:bg-stone-100 dark:hover:bg-stone-800"
            data-testid="original-zoom"
          >
            {Math.round(zoom * 100)}%
          </button>
          <ToolButton label="Zoom in (+)" onClick={() => zoomBy(1)}>
            +
          </ToolButton>
        </div>
      </div>
      <div ref={pagesRef} className="original-pages overflow-x-auto pb-4" onClick={onClick}>
        {!loaded ? (
          <p role="status" className="animate-pulse py-16 text-center text-sm text-stone-500">
            Loading the original…
          </p>
        ) : scale ? (
          loaded.sizes.map(([width, height], index) => (
            <OriginalPage
              key={index}
              pdf={loaded.pdf}
              number={index + 1}
              width={width}
              height={height}
              scale={scale}
              isNear={near.has(index + 1)}
              codePoints={loaded.codePoints}
              blocks={loaded.blocks}
              highlights={highlightsByPage.get(index + 1) ?? NO_HIGHLIGHTS}
              selectedId={selectedId}
              shownIds={shownIds}
              onMarks={onMarks}
            />
          ))
        ) : null}
      </div>
    </div>
  );
}

const NO_HIGHLIGHTS: PageHighlight[] = [];

function ToolButton({ label, onClick, children }: { label: string; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="h-7 w-7 rounded text-base leading-none hover:bg-stone-100 dark:hover:bg-stone-800"
    >
      {children}
    </button>
  );
}

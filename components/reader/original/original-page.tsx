"use client";

import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";
import { memo, useEffect, useLayoutEffect, useRef, useState } from "react";
import { alignPage, type PageBlock } from "@/lib/reader/pdf-alignment";
import { loadPdfJs } from "./pdf-loader";
import { rangesWithin, setSpanOffsets, SPAN_SELECTOR } from "./original-offsets";

// Pages in the window being rendered; pages only near it wait for none.
let renderingInWindow = 0;
let waiting: Array<() => void> = [];
function startInWindow() {
  renderingInWindow += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    renderingInWindow -= 1;
    if (renderingInWindow === 0) {
      const ready = waiting;
      waiting = [];
      ready.forEach((resolve) => resolve());
    }
  };
}
const windowIdle = () =>
  renderingInWindow === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve));

export type PageHighlight = { id: string; index: number; start: number; end: number; color: string | null };
type Mark = { key: string; id: string; index: number; color: string | null; box: [number, number, number, number] };

type Props = {
  pdf: PDFDocumentProxy;
  number: number;
  // The page's size in PDF points, and CSS pixels per point.
  width: number;
  height: number;
  scale: number;
  isNear: boolean;
  codePoints: string[];
  blocks: PageBlock[];
  highlights: PageHighlight[];
  selectedId: string | null;
  shownIds: Set<string>;
  onMarks: (page: number) => void;
};

// One page of the original: a placeholder of the page's size until it comes near the
// viewport, then the canvas, the text layer (aligned to the canonical text) and the
// highlights drawn from the text layer's spans, in percent of the page (zoom-proof).
export const OriginalPage = memo(function OriginalPage(props: Props) {
  const { pdf, number, width, height, scale, isNear, codePoints, blocks, highlights, selectedId, shownIds, onMarks } =
    props;
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"idle" | "painted" | "ready" | "error">("idle");
  const [textVersion, setTextVersion] = useState(0);
  const [marks, setMarks] = useState<Mark[]>([]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const container = textRef.current!;
    if (!isNear) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    let textLayer: { cancel(): void } | null = null;
    let release: () => void = () => undefined;
    (async () => {
      // Pages in the window first; those only near it wait until no page in the window is rendering.
      const box = pageRef.current!.getBoundingClientRect();
      const inWindow = box.bottom > 0 && box.top < window.innerHeight;
      if (inWindow) release = startInWindow();
      else await windowIdle();
      if (cancelled) return;
      const { TextLayer } = await loadPdfJs();
      const page = await pdf.getPage(number);
      if (cancelled) return;
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      task = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      await task.promise;
      if (cancelled) return;
      setState("painted");
      const content = await page.getTextContent();
      if (cancelled) return;
      container.replaceChildren();
      const layer = new TextLayer({ textContentSource: content, container, viewport });
      textLayer = layer;
      await layer.render();
      if (cancelled) return;
      const items = content.items.filter((item) => "str" in item).map((item) => (item as { str: string }).str);
      const aligned = alignPage(codePoints, blocks, number, items);
      layer.textDivs.forEach((span, index) => {
        span.dataset.item = String(index);
        setSpanOffsets(span, aligned[index] ?? null);
      });
      setTextVersion((version) => version + 1);
      setState("ready");
      release();
    })().catch((error: unknown) => {
      release();
      if (cancelled || (error as { name?: string })?.name === "RenderingCancelledException") return;
      console.error(error);
      setState("error");
    });
    return () => {
      cancelled = true;
      release();
      task?.cancel();
      textLayer?.cancel();
      container.replaceChildren();
      // A page far away gives its pixels back.
      canvas.width = canvas.height = 0;
      setState("idle");
      setMarks([]);
    };
  }, [pdf, number, scale, isNear, codePoints, blocks]);

  // Highlights: the client rectangles of the spans' aligned sub-ranges, relative to the page.
  useLayoutEffect(() => {
    const pageElement = pageRef.current;
    if (!textVersion || !pageElement || !textRef.current) return;
    const box = pageElement.getBoundingClientRect();
    const spans = Array.from(textRef.current.querySelectorAll<HTMLElement>(SPAN_SELECTOR));
    const next: Mark[] = [];
    for (const highlight of highlights) {
      rangesWithin(spans, highlight.start, highlight.end).forEach((range, rangeIndex) => {
        Array.from(range.getClientRects()).forEach((rect, rectIndex) => {
          if (!rect.width || !rect.height) return;
          next.push({
            key: `${highlight.id}-${rangeIndex}-${rectIndex}`,
            id: highlight.id,
            index: highlight.index,
            color: highlight.color,
            box: [
              ((rect.left - box.left) / box.width) * 100,
              ((rect.top - box.top) / box.height) * 100,
              (rect.width / box.width) * 100,
              (rect.height / box.height) * 100,
            ],
          });
        });
      });
    }
    setMarks(next);
  }, [textVersion, highlights]);

  useEffect(() => {
    if (textVersion) onMarks(number);
  }, [marks, textVersion, number, onMarks]);

  return (
    <div
      ref={pageRef}
      data-page-number={number}
      data-state={state}
      aria-label={`Page ${number}`}
      role="region"
      className="original-page relative mx-auto mb-4 scroll-mt-24 shadow-md ring-1 ring-stone-200 dark:ring-stone-700"
      style={
        {
          width: `${width * scale}px`,
          height: `${height * scale}px`,
          "--scale-factor": scale,
          "--total-scale-factor": scale,
          "--scale-round-x": "1px",
          "--scale-round-y": "1px",
        } as React.CSSProperties
      }
    >
      <canvas ref={canvasRef} className="original-canvas absolute inset-0 h-full w-full" aria-hidden="true" />
      {state === "idle" && isNear ? (
        <p className="absolute inset-0 grid place-items-center text-sm text-stone-400" role="status">
          Rendering page {number}…
        </p>
      ) : null}
      {state === "error" ? (
        <p className="absolute inset-0 grid place-items-center text-sm text-red-700" role="alert">
          Page {number} could not be shown.
        </p>
      ) : null}
      <div className="original-marks reader-text absolute inset-0" aria-hidden="true">
        {marks.map((mark) => (
          <mark
            key={mark.key}
            data-a={mark.index}
            data-annotation-id={mark.id}
            className={[
              mark.color && mark.color !== "yellow" ? `hl-${mark.color}` : "",
              mark.id === selectedId ? "is-active" : "",
              shownIds.has(mark.id) ? "" : "is-dimmed",
            ].join(" ")}
            style={{
              left: `${mark.box[0]}%`,
              top: `${mark.box[1]}%`,
              width: `${mark.box[2]}%`,
              height: `${mark.box[3]}%`,
            }}
          />
        ))}
      </div>
      <div ref={textRef} className="textLayer" />
    </div>
  );
});

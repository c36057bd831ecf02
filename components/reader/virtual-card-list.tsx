"use client";

import { useVirtualizer, useWindowVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import {
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type Ref,
  type RefObject,
} from "react";
import type { ReaderAnnotation } from "@/lib/annotations/presenters";

// Up to this many cards the list is plain; past it only the cards near the view are in
// the document (a long text can carry thousands: rendering them all stalls scrolling).
export const VIRTUAL_FROM = 60;
const ESTIMATED_CARD = 132;
const OVERSCAN = 6;

export type CardListHandle = {
  // The card's top, in the panel's scroll coordinates (known even when it is not rendered).
  offsetOf: (index: number) => number | null;
};

type Props = {
  annotations: ReaderAnnotation[];
  renderCard: (annotation: ReaderAnnotation) => ReactNode;
  // On wide screens the panel scrolls; on narrow ones the page does.
  panelRef: RefObject<HTMLElement | null>;
  scrollsWithPage: boolean;
  handle: Ref<CardListHandle>;
};

export function CardList(props: Props) {
  if (props.annotations.length < VIRTUAL_FROM) return <PlainList {...props} />;
  return props.scrollsWithPage ? <PageVirtualList {...props} /> : <PanelVirtualList {...props} />;
}

function PlainList({ annotations, renderCard, panelRef, handle }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  useImperativeHandle(handle, () => ({
    offsetOf: (index) => {
      const item = listRef.current?.children[index] as HTMLElement | undefined;
      const panel = panelRef.current;
      return item && panel ? item.offsetTop - panel.offsetTop : null;
    },
  }));
  return (
    <ol ref={listRef} className="space-y-3">
      {annotations.map((annotation) => (
        <li key={annotation.id}>{renderCard(annotation)}</li>
      ))}
    </ol>
  );
}

// Where the list starts inside its scroller (the panel's header and composer sit above it).
function useListTop(listRef: RefObject<HTMLElement | null>, scroller: () => HTMLElement | null) {
  const [top, setTop] = useState(0);
  const measure = useRef(() => undefined as void);
  const latest = () => {
    const list = listRef.current;
    if (!list) return;
    const container = scroller();
    const offset = container
      ? list.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop
      : list.getBoundingClientRect().top + window.scrollY;
    setTop((previous) => (Math.abs(previous - offset) < 1 ? previous : offset));
  };
  // After every render (a composer or a filter row above the list moves it) and when the page reflows.
  useLayoutEffect(() => {
    measure.current = latest;
    latest();
  });
  useLayoutEffect(() => {
    const observer = new ResizeObserver(() => measure.current());
    observer.observe(document.body);
    const parent = listRef.current?.parentElement;
    if (parent) Array.from(parent.children).forEach((child) => observer.observe(child));
    return () => observer.disconnect();
  }, [listRef]);
  return top;
}

function PanelVirtualList(props: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const top = useListTop(listRef, () => props.panelRef.current);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: props.annotations.length,
    getScrollElement: () => props.panelRef.current,
    estimateSize: () => ESTIMATED_CARD,
    getItemKey: (index) => props.annotations[index]!.id,
    overscan: OVERSCAN,
    scrollMargin: top,
    gap: 12,
  });
  useImperativeHandle(props.handle, () => ({
    // A rendered card where it is; another where the virtualizer expects it (estimated sizes).
    offsetOf: (index) => {
      const panel = props.panelRef.current;
      const item = listRef.current?.querySelector<HTMLElement>(`:scope > li[data-index="${index}"]`);
      if (item && panel) return item.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
      return virtualizer.measurementsCache[index]?.start ?? null;
    },
  }));
  return <VirtualItems {...props} listRef={listRef} virtualizer={virtualizer} top={top} />;
}

function PageVirtualList(props: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const top = useListTop(listRef, () => null);
  const virtualizer = useWindowVirtualizer({
    count: props.annotations.length,
    estimateSize: () => ESTIMATED_CARD,
    getItemKey: (index) => props.annotations[index]!.id,
    overscan: OVERSCAN,
    scrollMargin: top,
    gap: 12,
  });
  useImperativeHandle(props.handle, () => ({ offsetOf: () => null }));
  return <VirtualItems {...props} listRef={listRef} virtualizer={virtualizer} top={top} />;
}

function VirtualItems({
  annotations,
  renderCard,
  listRef,
  virtualizer,
  top,
}: Props & {
  listRef: RefObject<HTMLOListElement | null>;
  virtualizer: Virtualizer<HTMLElement, Element> | Virtualizer<Window, Element>;
  top: number;
}) {
  return (
    <ol ref={listRef} className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          className="absolute inset-x-0 top-0"
          style={{ transform: `translateY(${item.start - top}px)` }}
        >
          {renderCard(annotations[item.index]!)}
        </li>
      ))}
    </ol>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { DebateAbilities, PassageLink } from "@/components/debate/types";
import { DuplicateLinkNotice } from "@/components/debate/duplicate-link-notice";
import { RelationLegend } from "@/components/debate/relation-legend";
import { RESYNC, useLiveEvents } from "@/components/debate/use-live-events";
import { useThreadRevisions } from "@/components/debate/use-thread-revisions";
import {
  RELATION_COLOR,
  RELATION_LABEL,
  RELATION_TEXT,
  RELATIONS,
  type Relation,
} from "@/components/debate/vocabulary";
import { HINT_RELATION, HINT_TEXT } from "@/components/debate/suggestion-types";
import { annotationIdsOf, idListHtml, marksOf } from "@/components/reader/highlight-marks";
import { offsetsToRange } from "@/components/reader/text-offsets";
import { useTextSelection } from "@/components/reader/use-text-selection";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api-fetch";
import { annotatePassage } from "@/lib/client/annotate-passage";
import { shortQuote } from "@/lib/text/short-quote";
import { LinkDrawer } from "./link-drawer";
import { mapPosition, monotonePairs, type Pair } from "./scroll-map";
import { type CompareSuggestion, useCompareSuggestions } from "./use-compare-suggestions";

type Side = { id: string; title: string; authors: string[]; html: string; annotationIds: string[] };
type Connector = { id: string; relation: Relation; d: string; isOffscreen: boolean };
type SuggestionPath = { suggestion: CompareSuggestion; d: string };

// The ends of a link as (left annotation, right annotation), or null when it does not join these two columns.
function endsOf(link: PassageLink, leftId: string, rightId: string): [string, string] | null {
  if (link.from.documentId === leftId && link.to.documentId === rightId)
    return [link.from.annotationId, link.to.annotationId];
  if (link.to.documentId === leftId && link.from.documentId === rightId)
    return [link.to.annotationId, link.from.annotationId];
  return null;
}

// Two documents side by side, scrolled in step, with their links drawn between the passages.
export function CompareView({
  workspaceId,
  left,
  right,
  links,
  fromAnnotationId,
  abilities,
  canAnnotate,
  showSuggestions = false,
}: {
  workspaceId: string;
  left: Side;
  right: Side;
  links: PassageLink[];
  fromAnnotationId: string | null;
  abilities: DebateAbilities;
  canAnnotate: boolean;
  showSuggestions?: boolean;
}) {
  const router = useRouter();
  const containerRef = useRef<HTMLDivElement>(null);
  const leftColumnRef = useRef<HTMLDivElement>(null);
  const rightColumnRef = useRef<HTMLDivElement>(null);
  const leftTextRef = useRef<HTMLDivElement>(null);
  const rightTextRef = useRef<HTMLDivElement>(null);
  const [connectors, setConnectors] = useState<Connector[]>([]);
  const [openLinkId, setOpenLinkId] = useState<string | null>(null);
  const [isInStep, setInStep] = useState(true);
  const [from, setFrom] = useState<{ side: "left" | "right"; annotationId: string; quote: string } | null>(null);
  // The passage selected on the other side and the relation picked for it, waiting for a rationale.
  const [pending, setPending] = useState<{
    side: "left" | "right";
    start: number;
    end: number;
    quote: string;
    relation: Relation;
  } | null>(null);
  const [rationale, setRationale] = useState("");
  // A 409 duplicate: the existing link, and the passage annotated for the new one.
  const [duplicate, setDuplicate] = useState<{ existingId: string; toAnnotationId: string } | null>(null);
  const [isLinking, setLinking] = useState(false);
  const [status, setStatus] = useState("");
  const [isSuggesting, setSuggesting] = useState(showSuggestions);
  const { suggestions, dismiss } = useCompareSuggestions(isSuggesting, left, right);
  const [suggestionPaths, setSuggestionPaths] = useState<SuggestionPath[]>([]);
  const [openSuggestion, setOpenSuggestion] = useState<CompareSuggestion | null>(null);
  const { revisions: threadRevisions, bump } = useThreadRevisions();
  const pairs = useRef<Pair[]>([[0, 0]]);
  const syncing = useRef<"left" | "right" | null>(null);
  const leftSelection = useTextSelection(leftTextRef);
  const rightSelection = useTextSelection(rightTextRef);
  // Outside render only (handlers and effects).
  const columnOf = (side: "left" | "right") => (side === "left" ? leftColumnRef : rightColumnRef).current!;
  const textOf = (side: "left" | "right") => (side === "left" ? leftTextRef : rightTextRef).current;

  const draw = useCallback(() => {
    const container = containerRef.current?.getBoundingClientRect();
    const leftColumn = leftColumnRef.current?.getBoundingClientRect();
    const rightColumn = rightColumnRef.current?.getBoundingClientRect();
    if (!container || !leftColumn || !rightColumn) return;
    const next: Connector[] = [];
    const contentPairs: Pair[] = [];
    for (const link of links) {
      const ends = endsOf(link, left.id, right.id);
      if (!ends) continue;
      const leftMark = marksOf(leftTextRef.current, ends[0])[0];
      const rightMark = marksOf(rightTextRef.current, ends[1])[0];
      if (!leftMark || !rightMark) continue;
      const leftBox = leftMark.getBoundingClientRect();
      const rightBox = rightMark.getBoundingClientRect();
      const clamp = (y: number, column: DOMRect) => Math.min(Math.max(y, column.top + 4), column.bottom - 4);
      const yLeft = clamp(leftBox.top + leftBox.height / 2, leftColumn);
      const yRight = clamp(rightBox.top + rightBox.height / 2, rightColumn);
      const x1 = leftColumn.right - container.left;
      const x2 = rightColumn.left - container.left;
      const y1 = yLeft - container.top;
      const y2 = yRight - container.top;
      const bend = (x2 - x1) / 2;
      next.push({
        id: link.id,
        relation: link.relation,
        d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
        isOffscreen: yLeft !== leftBox.top + leftBox.height / 2 || yRight !== rightBox.top + rightBox.height / 2,
      });
      contentPairs.push([
        leftBox.top - leftColumn.top + leftColumnRef.current!.scrollTop,
        rightBox.top - rightColumn.top + rightColumnRef.current!.scrollTop,
      ]);
    }
    setConnectors(next);
    // Suggestions: from an annotation's highlight to the suggested passage's first line.
    const dotted: SuggestionPath[] = [];
    for (const suggestion of suggestions ?? []) {
      const otherSide = suggestion.fromSide === "left" ? "right" : "left";
      const mark = marksOf(
        (suggestion.fromSide === "left" ? leftTextRef : rightTextRef).current,
        suggestion.fromAnnotationId,
      )[0];
      const otherText = (otherSide === "left" ? leftTextRef : rightTextRef).current;
      const range = otherText ? offsetsToRange(otherText, suggestion.item.start, suggestion.item.end) : null;
      const passageBox = range ? Array.from(range.getClientRects()).find((rect) => rect.width > 0) : undefined;
      if (!mark || !passageBox) continue;
      const markBox = mark.getBoundingClientRect();
      const [leftBox, rightBox] = suggestion.fromSide === "left" ? [markBox, passageBox] : [passageBox, markBox];
      const clamp = (y: number, column: DOMRect) => Math.min(Math.max(y, column.top + 4), column.bottom - 4);
      const x1 = leftColumn.right - container.left;
      const x2 = rightColumn.left - container.left;
      const y1 = clamp(leftBox.top + leftBox.height / 2, leftColumn) - container.top;
      const y2 = clamp(rightBox.top + rightBox.height / 2, rightColumn) - container.top;
      const bend = (x2 - x1) / 2;
      dotted.push({ suggestion, d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` });
    }
    setSuggestionPaths(dotted);
    pairs.current = monotonePairs(
      contentPairs,
      leftColumnRef.current!.scrollHeight,
      rightColumnRef.current!.scrollHeight,
    );
  }, [links, left.id, right.id, suggestions]);

  useLayoutEffect(() => {
    draw();
    const frame = { id: 0 };
    const schedule = () => {
      cancelAnimationFrame(frame.id);
      frame.id = requestAnimationFrame(draw);
    };
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame.id);
      window.removeEventListener("resize", schedule);
    };
  }, [draw]);

  const onScroll = (side: "left" | "right") => {
    requestAnimationFrame(draw);
    if (syncing.current === side) {
      syncing.current = null;
      return;
    }
    if (!isInStep) return;
    const source = columnOf(side);
    const other = side === "left" ? "right" : "left";
    const target = columnOf(other);
    const middle = source.scrollTop + source.clientHeight / 2;
    const mapped = mapPosition(pairs.current, middle, side === "left" ? 0 : 1) - target.clientHeight / 2;
    if (Math.abs(target.scrollTop - mapped) < 1) return;
    syncing.current = other;
    target.scrollTo({ top: mapped });
  };

  // Deep link from the reader: "link from this passage" starts with it chosen.
  useEffect(() => {
    if (!fromAnnotationId) return;
    const frame = requestAnimationFrame(() => {
      for (const side of ["left", "right"] as const) {
        const marks = marksOf(textOf(side), fromAnnotationId);
        if (!marks.length) continue;
        setFrom({ side, annotationId: fromAnnotationId, quote: marks.map((mark) => mark.textContent).join("") });
        marks[0]!.scrollIntoView({ block: "center" });
        return;
      }
    });
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  const onTextClick = (side: "left" | "right", event: React.MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-a]");
    if (!mark) return;
    const annotationId = annotationIdsOf(textOf(side)!, mark).at(-1);
    if (!annotationId) return;
    const touching = links.find(
      (link) => link.from.annotationId === annotationId || link.to.annotationId === annotationId,
    );
    if (touching) setOpenLinkId(touching.id);
    if (abilities.canLink)
      setFrom({
        side,
        annotationId,
        quote: marksOf(textOf(side), annotationId)
          .map((part) => part.textContent)
          .join(""),
      });
  };

  // Linking ends (made or given up): the banner goes, and so does the address's ?from=.
  const stopLinking = useCallback(() => {
    setFrom(null);
    setPending(null);
    setRationale("");
    const url = new URL(window.location.href);
    if (url.searchParams.has("from")) {
      url.searchParams.delete("from");
      window.history.replaceState(window.history.state, "", url);
    }
  }, []);

  useEffect(() => {
    if (!from) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // Given up after a duplicate: the highlight made for the new link goes too.
      if (duplicate) void apiFetch(`/api/v1/annotations/${duplicate.toAnnotationId}`, { method: "DELETE" });
      setDuplicate(null);
      stopLinking();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [from, stopLinking, duplicate]);

  const pickRelation = (side: "left" | "right", relation: Relation) => {
    const selection = side === "left" ? leftSelection : rightSelection;
    if (!selection || !from) return;
    setPending({ side, start: selection.start, end: selection.end, quote: selection.quote, relation });
    window.getSelection()?.removeAllRanges();
  };

  const createLink = async (allowDuplicate = false) => {
    if (!pending || !from) return;
    const document = pending.side === "left" ? left : right;
    setLinking(true);
    // The passage is annotated once: "link anyway" after a duplicate reuses it.
    let toAnnotationId = duplicate?.toAnnotationId;
    if (!toAnnotationId) {
      const created = await annotatePassage(document.id, pending);
      if (!created.ok) {
        setLinking(false);
        return setStatus(created.error.message);
      }
      toAnnotationId = created.data.id;
    }
    const linked = await apiFetch<{ id: string }>("/api/v1/links", {
      body: {
        fromAnnotationId: from.annotationId,
        toAnnotationId,
        relation: pending.relation,
        rationale,
        allowDuplicate,
      },
    });
    setLinking(false);
    if (!linked.ok) {
      if (linked.error.code === "duplicate" && linked.error.existingId)
        return setDuplicate({ existingId: linked.error.existingId, toAnnotationId });
      return setStatus(linked.error.message);
    }
    setDuplicate(null);
    setStatus(`Linked: ${RELATION_LABEL[pending.relation].toLowerCase()}.`);
    stopLinking();
    setOpenLinkId(linked.data.id);
    router.refresh();
  };

  // Given up after a duplicate: the highlight made for the new link goes too.
  const discardDuplicate = () => {
    if (duplicate) void apiFetch(`/api/v1/annotations/${duplicate.toAnnotationId}`, { method: "DELETE" });
    setDuplicate(null);
  };

  useLiveEvents(workspaceId, null, (change) => {
    if (change === RESYNC) return router.refresh();
    if (!change.documentIds.some((id) => id === left.id || id === right.id)) return;
    if (change.type.startsWith("link.") || change.type.startsWith("annotation.")) router.refresh();
    if (change.threadId) bump(change.threadId);
  });

  const openLink = links.find((link) => link.id === openLinkId) ?? null;
  const otherSelection = from
    ? from.side === "left"
      ? { side: "right" as const, selection: rightSelection }
      : { side: "left" as const, selection: leftSelection }
    : null;
  // Each text with the list of ids its highlights refer to, built once per text.
  const leftHtml = useMemo(() => left.html + idListHtml(left.annotationIds), [left.html, left.annotationIds]);
  const rightHtml = useMemo(() => right.html + idListHtml(right.annotationIds), [right.html, right.annotationIds]);
  const column = (side: "left" | "right", document: Side) => (
    <div
      ref={side === "left" ? leftColumnRef : rightColumnRef}
      onScroll={() => onScroll(side)}
      // Scrollable with the keyboard: the pane itself takes focus.
      tabIndex={0}
      role="region"
      aria-label={`${side === "left" ? "Left" : "Right"} document: ${document.title}`}
      className="h-full overflow-y-auto rounded-lg border border-stone-200 bg-white px-5 py-4 dark:border-stone-800 dark:bg-stone-900"
      data-testid={`compare-${side}`}
    >
      <h2 className="font-serif text-xl font-semibold">{document.title}</h2>
      <p className="mb-4 text-sm text-stone-500">{document.authors.join(", ") || "Unknown author"}</p>
      <div
        ref={side === "left" ? leftTextRef : rightTextRef}
        onClick={(event) => onTextClick(side, event)}
        className="reader-text font-serif text-[1.02rem] leading-[1.75] text-stone-900 dark:text-stone-200"
        dangerouslySetInnerHTML={{ __html: side === "left" ? leftHtml : rightHtml }}
      />
    </div>
  );

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <RelationLegend label="Connector colors" />
        <span className="text-xs text-stone-500" data-testid="connector-count">
          {connectors.length === 1 ? "1 link" : `${connectors.length} links`} between these documents
        </span>
        <label
          className="flex items-center gap-2 text-xs"
          title="Passages the engine finds on the same point, not yet linked"
        >
          <input
            type="checkbox"
            checked={isSuggesting}
            onChange={(event) => {
              setSuggesting(event.target.checked);
              setOpenSuggestion(null);
            }}
            data-testid="suggestions-toggle"
          />{" "}
          Suggestions
          <svg width="28" height="6" aria-hidden className="text-stone-500 dark:text-stone-400">
            <line
              x1="1"
              y1="3"
              x2="27"
              y2="3"
              stroke="currentColor"
              strokeWidth="2"
              strokeDasharray="2 4"
              strokeLinecap="round"
            />
          </svg>
          {isSuggesting ? (
            <span className="text-stone-500" data-testid="suggestion-count">
              {suggestions === null ? "…" : suggestionPaths.length}
            </span>
          ) : null}
        </label>
        <label className="flex items-center gap-2 text-xs">
          <input type="checkbox" checked={isInStep} onChange={(event) => setInStep(event.target.checked)} /> Scroll in
          step
        </label>
      </div>
      {openSuggestion && !pending ? (
        <SuggestionPanel
          suggestion={openSuggestion}
          canLink={abilities.canLink && canAnnotate}
          onLink={(relation) => {
            const { fromSide, fromAnnotationId, item } = openSuggestion;
            setFrom({
              side: fromSide,
              annotationId: fromAnnotationId,
              quote: marksOf(textOf(fromSide), fromAnnotationId)
                .map((part) => part.textContent)
                .join(""),
            });
            setPending({
              side: fromSide === "left" ? "right" : "left",
              start: item.start,
              end: item.end,
              quote: item.quote,
              relation,
            });
            setOpenSuggestion(null);
          }}
          onDismiss={() => {
            dismiss(openSuggestion);
            setOpenSuggestion(null);
            setStatus("Suggestion dismissed.");
          }}
          onClose={() => setOpenSuggestion(null)}
        />
      ) : null}
      {from && pending && abilities.canLink ? (
        <form
          className="space-y-2 rounded-md bg-accent-50 px-3 py-2 text-xs text-accent-700 dark:bg-accent-700/30 dark:text-accent-100"
          data-testid="linking-from"
          aria-label="Create the link"
          onSubmit={(event) => {
            event.preventDefault();
            void createLink();
          }}
        >
          <p>
            “{shortQuote(from.quote, 100)}”{" "}
            <strong style={{ color: RELATION_COLOR[pending.relation] }}>
              {RELATION_LABEL[pending.relation].toLowerCase()}
            </strong>{" "}
            “{shortQuote(pending.quote, 100)}”
          </p>
          <label className="block font-semibold" htmlFor="compare-link-rationale">
            Why? Your rationale (Markdown)
          </label>
          <textarea
            id="compare-link-rationale"
            className={`${inputClass} min-h-16 text-sm`}
            placeholder="What makes these passages agree, contradict, qualify or elaborate each other?"
            value={rationale}
            onChange={(event) => setRationale(event.target.value)}
            maxLength={5000}
            autoFocus
          />
          {duplicate ? (
            <DuplicateLinkNotice
              linkId={duplicate.existingId}
              relation={pending.relation}
              rationale={rationale}
              onLinkAnyway={() => void createLink(true)}
              onAddedToIt={() => {
                const existingId = duplicate.existingId;
                discardDuplicate();
                setStatus("Your rationale was added to the existing link.");
                stopLinking();
                setOpenLinkId(existingId);
                bump(existingId);
                router.refresh();
              }}
            />
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={isLinking || duplicate !== null} className="px-2.5! py-1! text-xs">
              {isLinking ? "Linking…" : "Create link"}
            </Button>
            <Button
              type="button"
              variant="ghost"
              className="px-2.5! py-1! text-xs"
              onClick={() => {
                discardDuplicate();
                stopLinking();
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : from && abilities.canLink ? (
        <p
          className="rounded-md bg-accent-50 px-3 py-2 text-xs text-accent-700 dark:bg-accent-700/30 dark:text-accent-100"
          data-testid="linking-from"
        >
          Linking from “{shortQuote(from.quote, 120)}” — select the passage in the{" "}
          {from.side === "left" ? "right" : "left"} document, then say how they relate and why.{" "}
          <button type="button" className="underline" onClick={stopLinking}>
            Cancel
          </button>{" "}
          <span className="text-accent-700/70 dark:text-accent-100/70">(Esc)</span>
        </p>
      ) : abilities.canLink ? (
        <p className="text-xs text-stone-500">
          Click a highlight to see its links, or to start a new link from it; then select the passage it answers in the
          other document.
        </p>
      ) : null}
      <div
        ref={containerRef}
        className="relative grid h-[calc(100vh-17rem)] min-h-96 grid-cols-[minmax(0,1fr)_4rem_minmax(0,1fr)]"
      >
        {column("left", left)}
        <div aria-hidden />
        {column("right", right)}
        <svg
          className="pointer-events-none absolute inset-0 h-full w-full overflow-visible"
          aria-label="Links between the passages"
          role="img"
        >
          {connectors.map((connector) => (
            <path
              key={connector.id}
              d={connector.d}
              data-testid="connector"
              data-relation={connector.relation}
              stroke={RELATION_COLOR[connector.relation]}
              strokeWidth={connector.id === openLinkId ? 4 : 2.5}
              strokeOpacity={connector.isOffscreen ? 0.3 : 0.9}
              fill="none"
              className="pointer-events-auto cursor-pointer hover:stroke-[5]"
              onClick={() => setOpenLinkId(connector.id)}
            >
              <title>{RELATION_LABEL[connector.relation]}</title>
            </path>
          ))}
        </svg>
        {suggestionPaths.length ? (
          <svg
            className="pointer-events-none absolute inset-0 h-full w-full overflow-visible text-stone-500 dark:text-stone-400"
            role="group"
            aria-label="Suggested passages, not yet linked"
          >
            {suggestionPaths.map(({ suggestion, d }) => {
              const hint = suggestion.item.relationHint;
              const open = () => setOpenSuggestion(suggestion);
              return (
                <path
                  key={suggestion.key}
                  d={d}
                  data-testid="suggestion-connector"
                  role="button"
                  tabIndex={0}
                  aria-label={`Suggested: “${shortQuote(suggestion.item.quote, 80)}”${hint ? `, ${HINT_TEXT[hint]}` : ""}`}
                  stroke="currentColor"
                  strokeWidth={openSuggestion?.key === suggestion.key ? 3.5 : 2}
                  strokeDasharray="2 5"
                  strokeLinecap="round"
                  fill="none"
                  className="pointer-events-auto cursor-pointer outline-none hover:stroke-[4] focus-visible:stroke-[4] focus-visible:text-accent-700 dark:focus-visible:text-accent-100"
                  onClick={open}
                  onKeyDown={(event) => {
                    if (event.key !== "Enter" && event.key !== " ") return;
                    event.preventDefault();
                    open();
                  }}
                >
                  <title>Suggested, not linked{hint ? ` (${HINT_TEXT[hint]})` : ""}</title>
                </path>
              );
            })}
          </svg>
        ) : null}
      </div>
      {otherSelection?.selection && !pending && canAnnotate && abilities.canLink ? (
        <div
          role="toolbar"
          aria-label="Link the selected passage"
          data-testid="compare-link-toolbar"
          className="fixed z-40 flex items-center gap-1 rounded-lg border border-stone-200 bg-white p-1 text-xs shadow-lg dark:border-stone-700 dark:bg-stone-900"
          style={{
            top: Math.max(8, otherSelection.selection.rect.top - 44),
            left: Math.max(8, otherSelection.selection.rect.left),
          }}
          onMouseDown={(event) => event.preventDefault()}
        >
          <span className="px-1 text-stone-500">The first passage…</span>
          {RELATIONS.map((relation) => (
            <button
              key={relation}
              type="button"
              className={`rounded px-2 py-1 font-medium hover:bg-stone-100 dark:hover:bg-stone-800 ${RELATION_TEXT[relation]}`}
              onClick={() => pickRelation(otherSelection.side, relation)}
            >
              {RELATION_LABEL[relation].toLowerCase()}
            </button>
          ))}
        </div>
      ) : null}
      {openLink ? (
        <LinkDrawer
          link={openLink}
          abilities={abilities}
          revision={threadRevisions[openLink.id] ?? 0}
          onClose={() => setOpenLinkId(null)}
        />
      ) : null}
      <p
        role="status"
        aria-live="polite"
        className={
          status
            ? "fixed bottom-5 left-1/2 z-50 -translate-x-1/2 rounded-lg bg-stone-900 px-4 py-2 text-sm text-white shadow-lg"
            : "sr-only"
        }
      >
        {status}
      </p>
    </div>
  );
}

// A dotted connector, opened: the suggested passage, why, the hint, and what to do with it.
function SuggestionPanel({
  suggestion,
  canLink,
  onLink,
  onDismiss,
  onClose,
}: {
  suggestion: CompareSuggestion;
  canLink: boolean;
  onLink: (relation: Relation) => void;
  onDismiss: () => void;
  onClose: () => void;
}) {
  const { item } = suggestion;
  const hinted = item.relationHint ? HINT_RELATION[item.relationHint] : null;
  return (
    <section
      data-testid="suggestion-panel"
      aria-label="Suggested passage"
      className="space-y-1 rounded-md border border-dashed border-stone-400 px-3 py-2 text-xs dark:border-stone-500"
      onKeyDown={(event) => event.key === "Escape" && onClose()}
    >
      <p>
        <span className="font-semibold">Suggested, not linked:</span>{" "}
        <span className="font-serif italic">“{shortQuote(item.quote, 160)}”</span>
        {item.relationHint ? (
          <span className="ml-2 rounded-full border border-dashed border-stone-400 px-1.5 italic">
            {HINT_TEXT[item.relationHint]}
          </span>
        ) : null}
      </p>
      <p className="text-stone-500 dark:text-stone-400">{item.reason}</p>
      <p className="flex flex-wrap items-center gap-2">
        {canLink ? (
          <>
            <span>Link: the highlighted passage…</span>
            {RELATIONS.map((relation) => (
              <button
                key={relation}
                type="button"
                className={`rounded px-2 py-0.5 font-medium ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800 ${RELATION_TEXT[relation]} ${relation === hinted ? "ring-2" : ""}`}
                onClick={() => onLink(relation)}
              >
                {RELATION_LABEL[relation].toLowerCase()}
              </button>
            ))}
            <button type="button" className="underline" onClick={onDismiss}>
              Dismiss
            </button>
          </>
        ) : null}
        <button type="button" className="underline" onClick={onClose}>
          Close
        </button>
      </p>
    </section>
  );
}

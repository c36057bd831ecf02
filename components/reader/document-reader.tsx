"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { AnnotationDiscussion } from "@/components/debate/annotation-discussion";
import { linkBadges, linksByAnnotation } from "@/components/debate/link-summary";
import { ViewerList } from "@/components/debate/viewer-list";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ReaderAnnotation } from "@/lib/annotations/presenters";
import { AnnotationCard } from "./annotation-card";
import { AnnotationComposer, type ComposerDraft } from "./annotation-composer";
import { AnnotationFilters, matchesFilters, NO_FILTERS, type Filters } from "./annotation-filters";
import type { AnnotationColor } from "./color-picker";
import { ReaderMinimap } from "./reader-minimap";
import { ReaderSheet } from "./reader-sheet";
import { SelectionToolbar } from "./selection-toolbar";
import { ShortcutHelp } from "./shortcut-help";
import { useReaderTextKey } from "./use-reader-text-key";
import { rangeToOffsets } from "./text-offsets";
import { useMediaQuery } from "./use-media-query";
import { useTextSelection } from "./use-text-selection";
import { allMarks, annotationIdsOf, marksOf } from "./highlight-marks";
import { useDocumentAnnotations, useDocumentLinks, useWorkspaceTags } from "./use-document-annotations";
import { useReaderLiveUpdates } from "./use-reader-live-updates";
import { useReaderShortcuts } from "./use-reader-shortcuts";
import { useVisibleAnnotation } from "./use-visible-annotation";
import { CardList, type CardListHandle } from "./virtual-card-list";
import { MentionWorkspace } from "@/components/debate/mention-textarea";
import { canonicalSlice } from "./original/original-offsets";
import { OriginalView, type OriginalFocus } from "./original/original-view";

const NO_LINKS: never[] = [];
const noSubscription = () => () => undefined;

type Composer =
  { mode: "create"; start: number; end: number; quote: string } | { mode: "edit"; annotation: ReaderAnnotation };

// The interactive layer over the server-rendered text: selection toolbar,
// composer, annotation panel with filters, minimap, deep links, shortcuts.
export function DocumentReader({
  documentId,
  documentLength,
  highlightsKey: pageHighlightsKey,
  workspaceId,
  userId,
  canAnnotate,
  canReply,
  canLink,
  canFlag,
  canModerate,
  isOriginalView = false,
}: {
  isOriginalView?: boolean;
  documentId: string;
  documentLength: number;
  highlightsKey: string;
  workspaceId: string;
  userId: string | null;
  canAnnotate: boolean;
  canReply: boolean;
  canLink: boolean;
  canFlag: boolean;
  canModerate: boolean;
}) {
  const router = useRouter();
  // The highlights now in the text (they follow the page's key once the new text has arrived).
  const highlightsKey = useReaderTextKey(pageHighlightsKey);
  // The text is rendered by the page's layout (so it paints first); attach to it.
  const textRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    textRef.current = document.querySelector<HTMLElement>("[data-reader-text]");
  });
  // In the Original view the page leaves an empty [data-reader-text] for the PDF's pages.
  // (Read as an external store: after a switch of view it appears in the same commit as this.)
  const originalRoot = useSyncExternalStore(
    noSubscription,
    () => (isOriginalView ? document.querySelector<HTMLElement>("[data-reader-text][data-view='original']") : null),
    () => null,
  );
  const [originalFocus, setOriginalFocus] = useState<OriginalFocus | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const panelHeaderRef = useRef<HTMLDivElement>(null);
  // Below the lg breakpoint the panel sits under the text: cards and the composer open in a sheet instead.
  const isNarrow = useMediaQuery("(max-width: 1023.98px)");
  const pendingFlash = useRef<string | null>(null);
  const selection = useTextSelection(textRef);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [composer, setComposer] = useState<Composer | null>(null);
  const [status, setStatus] = useState("");
  const [isHelpOpen, setHelpOpen] = useState(false);
  const { annotations, isLoading, isComplete, loadError, reload } = useDocumentAnnotations(documentId);
  const tags = useWorkspaceTags(workspaceId, composer !== null);
  const { links, reloadLinks } = useDocumentLinks(documentId);
  const linksOf = useMemo(() => linksByAnnotation(links), [links]);
  const debateAbilities = useMemo(
    () => ({ userId, canReply, canLink, canFlag, canModerate }),
    [userId, canReply, canLink, canFlag, canModerate],
  );

  const placed = useMemo(
    () => annotations.filter((annotation) => annotation.anchorStatus !== "orphaned"),
    [annotations],
  );
  const orphans = useMemo(
    () => annotations.filter((annotation) => annotation.anchorStatus === "orphaned"),
    [annotations],
  );
  const shown = useMemo(() => placed.filter((annotation) => matchesFilters(annotation, filters)), [placed, filters]);
  const annotationsRef = useRef(placed);
  useEffect(() => {
    annotationsRef.current = placed;
  });
  const shownIds = useMemo(() => new Set(shown.map((annotation) => annotation.id)), [shown]);
  const placedIds = useMemo(() => placed.map((annotation) => annotation.id), [placed]);

  // Past a few dozen cards only those near the view are rendered (virtual-card-list.tsx).
  const cardList = useRef<CardListHandle>(null);
  const scrollCard = useCallback(
    (id: string, behavior: ScrollBehavior = "smooth") => {
      const index = shown.findIndex((annotation) => annotation.id === id);
      if (index < 0) return;
      const panel = panelRef.current;
      const aim = (how: ScrollBehavior) => {
        const top = cardList.current?.offsetOf(index);
        // Below the panel's sticky header (viewers, count, filters), not under it.
        const target = (top ?? 0) - (panelHeaderRef.current?.offsetHeight ?? 0) - 8;
        if (panel && top !== null && top !== undefined && Math.abs(panel.scrollTop - target) > 2)
          panel.scrollTo({ top: target, behavior: how });
      };
      aim(behavior);
      // A card far away is placed by estimated sizes: once it is rendered, aim again at where it is.
      window.setTimeout(() => aim("auto"), behavior === "smooth" ? 450 : 50);
    },
    [shown],
  );

  const select = useCallback(
    (id: string, options: { scrollText?: boolean; flash?: boolean } = {}) => {
      setSelectedId(id);
      scrollCard(id);
      const marks = marksOf(textRef.current, id);
      if (options.scrollText) marks[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
      // The Original view draws a page's highlights when the page comes near: go there first.
      const offset = annotationsRef.current.find((annotation) => annotation.id === id)?.start;
      if (isOriginalView && (options.scrollText || options.flash) && offset !== undefined)
        setOriginalFocus({ id, offset, nonce: Date.now() });
      if (options.flash) {
        marks.forEach((mark) => mark.classList.add("is-flash"));
        setTimeout(() => marks.forEach((mark) => mark.classList.remove("is-flash")), 2200);
      }
    },
    [scrollCard, isOriginalView],
  );

  // Status messages fade after a few seconds.
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(""), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  // Highlight the selected annotation's passage.
  useEffect(() => {
    const marks = selectedId ? marksOf(textRef.current, selectedId) : [];
    marks.forEach((mark) => mark.classList.add("is-active"));
    return () => marks.forEach((mark) => mark.classList.remove("is-active"));
  }, [selectedId, highlightsKey]);

  // Filters dim the highlights of annotations they leave out (once the whole list has loaded).
  useEffect(() => {
    if (!isComplete) return;
    const visible = new Set(shown.map((annotation) => annotation.id));
    const root = textRef.current;
    for (const mark of allMarks(root)) {
      mark.classList.toggle("is-dimmed", !annotationIdsOf(root!, mark).some((id) => visible.has(id)));
    }
  }, [shown, isComplete, highlightsKey]);

  // Deep links (#annotation-{id}) scroll to and flash the passage, on load and
  // on hash change; its card is brought into view once the cards have loaded.
  const selectRef = useRef(select);
  useEffect(() => {
    selectRef.current = select;
  });
  useEffect(() => {
    const follow = () => {
      const id = window.location.hash.match(/^#annotation-(.+)$/)?.[1];
      if (id) selectRef.current(decodeURIComponent(id), { scrollText: true, flash: true });
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  useEffect(() => {
    if (isLoading || !selectedId) return;
    const frame = requestAnimationFrame(() => scrollCard(selectedId));
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the cards arrive
  }, [isLoading, isComplete]);

  // After a save, flash the new or edited annotation once the refreshed text arrives.
  useEffect(() => {
    const id = pendingFlash.current;
    if (id && marksOf(textRef.current, id).length) {
      pendingFlash.current = null;
      select(id, { flash: true });
    }
  }, [annotations, highlightsKey, select]);

  // The panel follows the reading position unless the reader is using it.
  // It follows once the reading position rests (not on every frame of a fast scroll, which
  // would render cards while the text is moving).
  const followTimer = useRef(0);
  const isComposing = useRef(false);
  useEffect(() => {
    isComposing.current = composer !== null;
  });
  useEffect(() => () => window.clearTimeout(followTimer.current), []);
  useVisibleAnnotation(
    textRef,
    (id) => {
      window.clearTimeout(followTimer.current);
      followTimer.current = window.setTimeout(() => {
        const panel = panelRef.current;
        if (panel && !isComposing.current && !panel.matches(":hover, :focus-within")) scrollCard(id, "auto");
      }, 120);
    },
    highlightsKey,
  );

  // The highlights come with the page; the cards come from the API.
  const refresh = () => {
    router.refresh();
    void reload();
  };

  const live = useReaderLiveUpdates(workspaceId, documentId, {
    text: () => router.refresh(),
    links: () => void reloadLinks(),
    cards: () => void reload(),
  });
  const threadRevisions = live.threadRevisions;

  const create = async (start: number, end: number, draft: ComposerDraft) => {
    const result = await apiFetch<{ id: string }>(`/api/v1/documents/${documentId}/annotations`, {
      body: {
        selectors: [{ type: "TextPositionSelector", start, end }],
        body: draft.body,
        tags: draft.tags,
        color: draft.color,
      },
    });
    if (result.ok) {
      window.getSelection()?.removeAllRanges();
      setComposer(null);
      pendingFlash.current = result.data.id;
      setStatus(draft.body.trim() ? "Annotation saved." : "Highlight saved.");
      refresh();
    }
    return result;
  };

  const update = async (annotation: ReaderAnnotation, draft: ComposerDraft) => {
    const result = await apiFetch(`/api/v1/annotations/${annotation.id}`, {
      method: "PATCH",
      body: { ...draft, version: annotation.version },
    });
    if (result.ok) {
      setComposer(null);
      pendingFlash.current = annotation.id;
      setStatus("Annotation updated.");
      refresh();
    }
    return result;
  };

  const remove = async (annotation: ReaderAnnotation) => {
    const result = await apiFetch(`/api/v1/annotations/${annotation.id}`, { method: "DELETE" });
    setStatus(result.ok ? "Annotation deleted." : result.error.message);
    if (result.ok) refresh();
  };

  // The selection as it is now in the DOM (state may lag a frame behind fast key presses).
  const liveSelection = () => {
    const root = textRef.current;
    const current = window.getSelection();
    if (!root || !current?.rangeCount) return null;
    const range = current.getRangeAt(0);
    const offsets = rangeToOffsets(root, range);
    return offsets ? { ...offsets, quote: canonicalSlice(root, offsets.start, offsets.end) ?? range.toString() } : null;
  };

  const openComposer = () => {
    const current = liveSelection();
    if (current) setComposer({ mode: "create", ...current });
  };

  const highlight = (color: AnnotationColor) => {
    const current = liveSelection();
    if (current)
      void create(current.start, current.end, { body: "", tags: [], color }).then(
        (result) => !result.ok && setStatus(result.error.message),
      );
  };

  useReaderShortcuts(textRef, {
    escape: () => {
      window.getSelection()?.removeAllRanges();
      setComposer(null);
      setSelectedId(null);
      setHelpOpen(false);
    },
    toggleHelp: () => setHelpOpen((isOpen) => !isOpen),
    annotate: openComposer,
    highlight: () => highlight("yellow"),
    move: (step) => {
      if (!shown.length) return;
      const index = shown.findIndex((annotation) => annotation.id === selectedId);
      const next = step === 1 ? Math.min(shown.length - 1, index + 1) : Math.max(0, index < 0 ? 0 : index - 1);
      select(shown[next]!.id, { scrollText: true });
    },
    canAnnotateSelection: Boolean(selection && canAnnotate && !composer),
  });

  const onTextClick = (event: MouseEvent) => {
    if (!window.getSelection()?.isCollapsed || !(event.target instanceof Element)) return;
    const mark = event.target.closest<HTMLElement>("[data-reader-text]:not([data-view='original']) mark[data-a]");
    if (mark) selectMark(mark);
  };

  const selectMark = (mark: HTMLElement) => {
    if (mark.classList.contains("is-dimmed")) return;
    const root = mark.closest<HTMLElement>("[data-reader-text]") ?? textRef.current;
    const ids = root ? annotationIdsOf(root, mark) : [];
    if (!ids.length) return;
    // Clicking overlapping highlights again cycles through their annotations.
    const index = selectedId ? ids.indexOf(selectedId) : -1;
    // On a phone the sheet covers the lower part of the screen: bring the passage up above it.
    if (isNarrow) window.scrollBy({ top: mark.getBoundingClientRect().top - 72, behavior: "smooth" });
    select(index >= 0 ? ids[(index + 1) % ids.length]! : ids.at(-1)!);
  };

  const jumpTo = (offset: number) => {
    if (isOriginalView) return setOriginalFocus({ offset, nonce: Date.now() });
    const paragraphs = Array.from(textRef.current?.querySelectorAll<HTMLElement>("[data-o]") ?? []);
    const target = paragraphs.filter((paragraph) => Number(paragraph.dataset.o) <= offset).at(-1) ?? paragraphs[0];
    target?.scrollIntoView({ block: "start", behavior: "smooth" });
  };

  const canChange = (annotation: ReaderAnnotation) => canModerate || (canAnnotate && annotation.creator.id === userId);

  // One listener on the document for every highlight, present or to come: the marks (and
  // the text's container) are replaced whenever the highlights change.
  const clickHandler = useRef(onTextClick);
  useEffect(() => {
    clickHandler.current = onTextClick;
  });
  useEffect(() => {
    const onClick = (event: MouseEvent) => clickHandler.current(event);
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  const composerElement = composer ? (
    <AnnotationComposer
      key={composer.mode === "edit" ? composer.annotation.id : `${composer.start}-${composer.end}`}
      title={composer.mode === "create" ? "New annotation" : "Edit annotation"}
      quote={composer.mode === "create" ? composer.quote : composer.annotation.quote}
      initial={
        composer.mode === "create"
          ? { body: "", tags: [], color: "yellow" }
          : {
              body: composer.annotation.body,
              tags: composer.annotation.tags,
              color: (composer.annotation.color ?? "yellow") as AnnotationColor,
            }
      }
      suggestions={tags}
      related={
        composer.mode === "create" ? { workspaceId, documentId, start: composer.start, end: composer.end } : undefined
      }
      onCancel={() => setComposer(null)}
      onSave={(draft) =>
        composer.mode === "create" ? create(composer.start, composer.end, draft) : update(composer.annotation, draft)
      }
    />
  ) : null;

  const renderCard = (annotation: ReaderAnnotation, place: "panel" | "sheet") => (
    <AnnotationCard
      annotation={annotation}
      elementId={place === "sheet" ? `sheet-card-${annotation.id}` : undefined}
      isSelected={annotation.id === selectedId}
      canChange={canChange(annotation)}
      onSelect={() => select(annotation.id, { scrollText: place === "panel", flash: true })}
      onEdit={() => setComposer({ mode: "edit", annotation })}
      onDelete={() => remove(annotation)}
      onTag={(tag) => setFilters({ ...filters, tag })}
      badges={linkBadges(annotation.id, linksOf.get(annotation.id) ?? NO_LINKS)}
    >
      {/* On narrow screens the thread opens in the sheet only. */}
      {place === "sheet" || !isNarrow ? (
        <AnnotationDiscussion
          annotationId={annotation.id}
          documentId={documentId}
          workspaceId={workspaceId}
          links={linksOf.get(annotation.id) ?? NO_LINKS}
          abilities={debateAbilities}
          threadRevisions={threadRevisions}
          onLinked={() => {
            setStatus("Link created.");
            void reloadLinks();
          }}
          moderated={{
            targetType: "annotation",
            targetId: annotation.id,
            status: annotation.status,
            version: annotation.version,
            isLocked: annotation.isLocked,
            isPinned: annotation.isPinned,
            isFeatured: annotation.isFeatured,
          }}
          isOwn={annotation.creator.id === userId}
          onModerated={(message) => {
            setStatus(message);
            refresh();
          }}
        />
      ) : null}
    </AnnotationCard>
  );
  const sheetAnnotation =
    isNarrow && selectedId ? placed.find((annotation) => annotation.id === selectedId) : undefined;
  const closeSheet = () => {
    setComposer(null);
    setSelectedId(null);
  };

  return (
    <MentionWorkspace workspaceId={workspaceId}>
      {originalRoot
        ? createPortal(
            <OriginalView
              documentId={documentId}
              annotations={placed}
              annotationIds={placedIds}
              shownIds={shownIds}
              selectedId={selectedId}
              focus={originalFocus}
              onHighlightClick={selectMark}
            />,
            originalRoot,
          )
        : null}
      <ReaderMinimap annotations={placed} length={documentLength} onJump={jumpTo} />
      <aside
        ref={panelRef}
        aria-label="Annotations"
        className="space-y-3 lg:sticky lg:top-20 lg:h-[calc(100vh-7rem)] lg:overflow-y-auto lg:pr-1"
      >
        {composer && !isNarrow ? composerElement : null}
        <div ref={panelHeaderRef} className="sticky top-0 z-10 space-y-2 bg-stone-50 pb-2 dark:bg-stone-950">
          <div className="flex items-baseline justify-between">
            <ViewerList viewers={live.viewers} userId={userId} status={live.status} />
          </div>
          <div className="flex items-baseline justify-between">
            <h2 className="text-sm font-semibold">
              Annotations{" "}
              <span className="font-normal text-stone-500">
                ({shown.length === placed.length ? placed.length : `${shown.length} of ${placed.length}`})
              </span>
            </h2>
            <button
              type="button"
              className="text-xs text-stone-500 hover:text-stone-900 dark:hover:text-white"
              onClick={() => setHelpOpen(true)}
            >
              Shortcuts <kbd>?</kbd>
            </button>
          </div>
          {placed.length ? <AnnotationFilters annotations={placed} filters={filters} onChange={setFilters} /> : null}
        </div>
        <p
          role="status"
          aria-live="polite"
          data-testid="reader-status"
          className={
            status
              ? "fixed bottom-5 left-1/2 z-50 -translate-x-1/2 rounded-lg bg-stone-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-stone-100 dark:text-stone-900"
              : "sr-only"
          }
        >
          {status}
        </p>
        {isLoading ? (
          <p role="status" className="animate-pulse text-sm text-stone-500" data-testid="annotations-loading">
            Loading annotations…
          </p>
        ) : loadError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {loadError}{" "}
            <button type="button" className="underline" onClick={() => void reload()}>
              Try again
            </button>
          </p>
        ) : placed.length === 0 ? (
          <div className="rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
            {canAnnotate
              ? "No annotations yet. Select a passage with the mouse (or press ] to select a sentence) to highlight it or comment on it."
              : "No annotations yet."}
          </div>
        ) : shown.length === 0 ? (
          <p className="text-sm text-stone-500">No annotations match these filters.</p>
        ) : (
          <CardList
            annotations={shown}
            renderCard={(annotation) => renderCard(annotation, "panel")}
            panelRef={panelRef}
            scrollsWithPage={isNarrow}
            handle={cardList}
          />
        )}
        {orphans.length ? (
          <section
            aria-labelledby="orphans-heading"
            className="rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/40"
            data-testid="orphans"
          >
            <h3 id="orphans-heading" className="text-sm font-semibold text-amber-900 dark:text-amber-200">
              Orphaned annotations ({orphans.length})
            </h3>
            <p className="mt-1 text-xs text-amber-900/80 dark:text-amber-200/80">
              Their passages were deleted or rewritten beyond recognition in a later version. They are kept here with
              their original quotes.
            </p>
            <ol className="mt-2 space-y-2">
              {orphans.map((annotation) => (
                <li key={annotation.id}>
                  <AnnotationCard
                    annotation={annotation}
                    isSelected={false}
                    canChange={canChange(annotation)}
                    onSelect={() => undefined}
                    onEdit={() => setComposer({ mode: "edit", annotation })}
                    onDelete={() => remove(annotation)}
                    onTag={(tag) => setFilters({ ...filters, tag })}
                  />
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </aside>
      {selection && canAnnotate && !composer ? (
        <SelectionToolbar rect={selection.rect} onAnnotate={openComposer} onHighlight={highlight} />
      ) : null}
      {isNarrow && composer ? (
        <ReaderSheet title={composer.mode === "create" ? "New annotation" : "Edit annotation"} onClose={closeSheet}>
          {composerElement}
        </ReaderSheet>
      ) : sheetAnnotation ? (
        <ReaderSheet title={`Annotation by ${sheetAnnotation.creator.name}`} onClose={closeSheet}>
          {renderCard(sheetAnnotation, "sheet")}
        </ReaderSheet>
      ) : null}
      {isHelpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
    </MentionWorkspace>
  );
}

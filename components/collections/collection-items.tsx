"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ReaderLink } from "@/components/reader/reader-link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { RELATION_LABEL, RELATION_TEXT, type Relation } from "@/components/debate/vocabulary";
import { Button } from "@/components/ui/button";
import { MarkdownHtml } from "@/components/ui/markdown-html";
import { inputClass } from "@/components/ui/field";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import type { PresentedCollection } from "@/lib/collections/collection-services";

type Item = PresentedCollection["items"][number];
type Passage = Extract<Item, { type: "annotation" }>["passage"];

function PassageQuote({ passage }: { passage: Passage }) {
  return (
    <div>
      <blockquote className="border-l-4 border-stone-300 pl-3 font-serif italic text-stone-700 dark:border-stone-600 dark:text-stone-300">
        “{passage.quote}”
      </blockquote>
      <p className="mt-1 text-xs text-stone-500">
        <ReaderLink href={`/documents/${passage.documentId}#annotation-${passage.annotationId}`} className="underline">
          {passage.documentTitle}
        </ReaderLink>{" "}
        · annotated by {passage.author}
        {passage.status !== "visible" ? (
          <span className="ml-1 font-semibold text-amber-700">[{passage.status}]</span>
        ) : null}
      </p>
    </div>
  );
}

function ItemBody({ item }: { item: Item }) {
  if (item.type === "annotation") {
    return (
      <>
        <PassageQuote passage={item.passage} />
        {/* Rendered and sanitized on the server when the comment was written. */}
        {item.passage.commentHtml ? (
          <MarkdownHtml
            html={item.passage.commentHtml}
            className="mt-2 line-clamp-4 text-sm text-stone-700 dark:text-stone-300"
          />
        ) : null}
      </>
    );
  }
  const relation = item.link.relation as Relation;
  return (
    <div className="space-y-2">
      <PassageQuote passage={item.link.from} />
      <p className={`text-xs font-bold uppercase tracking-wide ${RELATION_TEXT[relation]}`}>
        {RELATION_LABEL[relation]}
      </p>
      <PassageQuote passage={item.link.to} />
      {item.link.rationale.trim() ? (
        <MarkdownHtml
          html={item.link.rationaleHtml}
          className="text-sm text-stone-700 dark:text-stone-300"
          testId="link-rationale"
        />
      ) : null}
    </div>
  );
}

function NoteEditor({
  collectionId,
  item,
  onDone,
}: {
  collectionId: string;
  item: Item;
  onDone: (saved: boolean) => void;
}) {
  const [note, setNote] = useState(item.note);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <form
      className="mt-3 space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await apiFetch(`/api/v1/collections/${collectionId}/items/${item.id}`, {
          method: "PATCH",
          body: { note },
        });
        if (result.ok) onDone(true);
        else setError(result.error);
      }}
    >
      <label className="block text-xs font-medium text-stone-600 dark:text-stone-400" htmlFor={`note-${item.id}`}>
        Curator&apos;s note
      </label>
      <textarea
        id={`note-${item.id}`}
        className={inputClass}
        rows={2}
        maxLength={5000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        autoFocus
      />
      {error ? <p className="text-xs text-red-600">{error.message}</p> : null}
      <div className="flex gap-2">
        <Button type="submit">Save note</Button>
        <Button type="button" variant="ghost" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function CollectionItem({
  collectionId,
  item,
  position,
  canEdit,
  onChanged,
}: {
  collectionId: string;
  item: Item;
  position: number;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: !canEdit,
  });
  const [editing, setEditing] = useState(false);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="collection-item"
      data-target-id={item.targetId}
      className={`relative flex gap-3 rounded-xl border bg-white p-4 dark:bg-stone-900 ${isDragging ? "z-10 border-accent-500 shadow-lg" : "border-stone-200 dark:border-stone-800"}`}
    >
      {canEdit ? (
        <button
          ref={setActivatorNodeRef}
          type="button"
          aria-label={`Move item ${position + 1}`}
          className="mt-1 h-8 w-6 shrink-0 cursor-grab touch-none rounded text-stone-400 hover:bg-stone-100 hover:text-stone-700 active:cursor-grabbing dark:hover:bg-stone-800"
          {...attributes}
          {...listeners}
        >
          <span aria-hidden>⠿</span>
        </button>
      ) : null}
      <div className="min-w-0 flex-1">
        <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-500">
          {position + 1}. {item.type === "annotation" ? "Passage" : "Link between passages"}
        </p>
        <ItemBody item={item} />
        {item.note && !editing ? (
          <div
            className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
            data-testid="curator-note"
          >
            <span className="font-semibold">Curator&apos;s note:</span> <MarkdownHtml html={item.noteHtml} />
          </div>
        ) : null}
        {editing ? (
          <NoteEditor
            collectionId={collectionId}
            item={item}
            onDone={(saved) => {
              setEditing(false);
              if (saved) onChanged();
            }}
          />
        ) : null}
        {canEdit && !editing ? (
          <div className="mt-3 flex gap-3 text-xs text-stone-500">
            <button
              type="button"
              className="hover:text-stone-900 dark:hover:text-white"
              onClick={() => setEditing(true)}
            >
              {item.note ? "Edit note" : "Add note"}
            </button>
            <button
              type="button"
              className="hover:text-red-700"
              onClick={async () => {
                const result = await apiFetch(`/api/v1/collections/${collectionId}/items/${item.id}`, {
                  method: "DELETE",
                });
                if (result.ok) onChanged();
              }}
            >
              Remove
            </button>
          </div>
        ) : null}
      </div>
    </li>
  );
}

// A collection's items in order. Moderators drag them (or pick one up with Space and
// move it with the arrow keys) into a new order, which is saved at once.
export function CollectionItems({
  collectionId,
  items,
  canEdit,
}: {
  collectionId: string;
  items: Item[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [order, setOrder] = useState(items);
  const [error, setError] = useState<ApiError | null>(null);
  // New items from the server (after an add, a note, a removal) replace the local order.
  const [shown, setShown] = useState(items);
  if (shown !== items) {
    setShown(items);
    setOrder(items);
  }
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  async function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const previous = order;
    const next = arrayMove(
      order,
      order.findIndex((item) => item.id === active.id),
      order.findIndex((item) => item.id === over.id),
    );
    setOrder(next);
    setError(null);
    const result = await apiFetch(`/api/v1/collections/${collectionId}/order`, {
      method: "PUT",
      body: { itemIds: next.map((item) => item.id) },
    });
    if (!result.ok) {
      setOrder(previous);
      setError(result.error);
    }
  }

  if (!order.length) {
    return (
      <p className="rounded-xl border border-dashed border-stone-300 px-6 py-10 text-center text-sm text-stone-500 dark:border-stone-700">
        {canEdit ? "No items yet. Add passages and links from the panel." : "This collection is empty."}
      </p>
    );
  }
  return (
    <div>
      {error ? (
        <p role="alert" className="mb-2 text-sm text-red-600">
          {error.message}
        </p>
      ) : null}
      <DndContext
        id={`collection-${collectionId}`}
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
      >
        <SortableContext items={order.map((item) => item.id)} strategy={verticalListSortingStrategy}>
          <ol className="space-y-3" aria-label="Collection items">
            {order.map((item, position) => (
              <CollectionItem
                key={item.id}
                collectionId={collectionId}
                item={item}
                position={position}
                canEdit={canEdit}
                onChanged={() => router.refresh()}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </div>
  );
}

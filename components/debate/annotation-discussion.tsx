"use client";

import { useState } from "react";
import { AddToCollection } from "@/components/collections/add-to-collection";
import { FlagButton } from "@/components/moderation/flag-button";
import { ModerationControls, type ModeratedItem } from "@/components/moderation/moderation-controls";
import { LinkComposer } from "./link-composer";
import { LinkList } from "./link-list";
import { RelatedPassages } from "./related-passages";
import { ThreadView } from "./thread-view";
import type { DebateAbilities, PassageLink } from "./types";

// Under a selected annotation: its links to other passages and its thread.
export function AnnotationDiscussion({
  annotationId,
  documentId,
  workspaceId,
  links,
  abilities,
  threadRevisions,
  onLinked,
  moderated,
  isOwn,
  onModerated,
}: {
  annotationId: string;
  documentId: string;
  workspaceId: string;
  links: PassageLink[];
  abilities: DebateAbilities;
  threadRevisions: Record<string, number>;
  onLinked: () => void;
  moderated: ModeratedItem;
  isOwn: boolean;
  onModerated: (message: string) => void;
}) {
  const [isLinking, setLinking] = useState(false);
  return (
    <div className="mt-3 space-y-3 border-t border-stone-200 pt-3 dark:border-stone-800">
      {abilities.canModerate ? (
        <>
          <ModerationControls item={moderated} onDone={onModerated} />
          <AddToCollection workspaceId={workspaceId} type="annotation" id={annotationId} />
        </>
      ) : abilities.canFlag && !isOwn ? (
        <FlagButton targetType="annotation" targetId={annotationId} />
      ) : null}
      <LinkList
        annotationId={annotationId}
        links={links}
        abilities={abilities}
        threadRevisions={threadRevisions}
        onChanged={() => onModerated("Links merged.")}
      />
      {abilities.canLink ? (
        isLinking ? (
          <LinkComposer
            workspaceId={workspaceId}
            documentId={documentId}
            fromAnnotationId={annotationId}
            onCancel={() => setLinking(false)}
            onLinked={() => {
              setLinking(false);
              onLinked();
            }}
          />
        ) : (
          <button
            type="button"
            className="text-xs font-medium text-accent-700 hover:underline dark:text-accent-100"
            onClick={() => setLinking(true)}
          >
            ⇄ Link to another passage…
          </button>
        )
      ) : null}
      <RelatedPassages
        annotationId={annotationId}
        documentId={documentId}
        workspaceId={workspaceId}
        canLink={abilities.canLink}
        onLinked={onLinked}
      />
      <h3 className="text-xs font-semibold tracking-wide text-stone-500 uppercase">Discussion</h3>
      <ThreadView
        subject={{ kind: "annotation", id: annotationId }}
        abilities={abilities}
        revision={threadRevisions[annotationId] ?? 0}
      />
    </div>
  );
}

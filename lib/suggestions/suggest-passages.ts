import "server-only";
import { findAnnotation } from "@/lib/annotations/annotation-services";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import { visibleLinkWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import type { DismissSuggestionInput, SelectionQuery } from "@/lib/validations/suggestion";
import { codePointLength } from "@/lib/anchoring/selectors";
import { findDocument } from "@/lib/documents/find-document";
import { workspaceIndex } from "./passage-index";
import { queryVector } from "./query-vectors";
import { reasonFor } from "./scorer";
import { relationHint } from "./relation-hint";

type Range = { documentId: string; start: number; end: number };
const overlaps = (a: Range, b: Range) => a.documentId === b.documentId && a.start < b.end && b.start < a.end;

type RankRequest = {
  workspaceId: string;
  documentId: string;
  quote: string;
  limit: number;
  // Passages the caller has already linked or dismissed.
  linked?: Range[];
  dismissed?: Set<string>;
};

// Passages of the workspace's other live documents that discuss `quote`, best first.
async function rankRelated({ workspaceId, documentId, quote, limit, linked = [], dismissed = new Set() }: RankRequest) {
  const [index, vector] = await Promise.all([workspaceIndex(workspaceId), queryVector(quote)]);
  const ranked = index.corpus.rank({ text: quote, vector }, limit, (position) => {
    const entry = index.entries[position]!;
    if (entry.documentId === documentId || entry.isHeading || !index.isCurrent(entry)) return false;
    if (dismissed.has(`${entry.documentId}:${entry.start}:${entry.end}`)) return false;
    return !linked.some((range) => overlaps(range, entry));
  });
  return ranked.map((item) => {
    const entry = index.entries[item.index]!;
    const hint = relationHint(quote, entry.quote, item);
    return {
      documentId: entry.documentId,
      start: entry.start,
      end: entry.end,
      quote: entry.quote,
      score: Math.round(item.score * 1000) / 1000,
      reason: reasonFor(item),
      ...(hint ? { relationHint: hint } : {}),
    };
  });
}

// Related passages for an annotation. The caller must see the annotation (the one visibility
// rule); passages it is already linked to (through links the caller sees) and dismissed ones
// are left out.
export async function suggestPassages(actor: Actor, annotationId: string, limit: number) {
  const { annotation, access } = await findAnnotation(actor, annotationId);
  const canModerate = can(access, "moderate");
  const [links, dismissals] = await Promise.all([
    db.passageLink.findMany({
      where: {
        AND: [
          visibleLinkWhere(actor?.id, canModerate),
          { OR: [{ fromAnnotationId: annotationId }, { toAnnotationId: annotationId }] },
        ],
      },
      select: {
        from: { select: { documentId: true, start: true, end: true } },
        to: { select: { documentId: true, start: true, end: true } },
      },
    }),
    db.suggestionDismissal.findMany({ where: { annotationId }, select: { documentId: true, start: true, end: true } }),
  ]);
  return rankRelated({
    workspaceId: annotation.workspaceId,
    documentId: annotation.documentId,
    quote: annotation.quote,
    limit,
    linked: links.flatMap((link) => [link.from, link.to]),
    dismissed: new Set(dismissals.map((range) => `${range.documentId}:${range.start}:${range.end}`)),
  });
}

// Related passages for a fresh selection (code-point offsets into the document's current text),
// before it is annotated: for anyone who may read the document.
export async function suggestForSelection(actor: Actor, documentId: string, selection: SelectionQuery) {
  const { document } = await findDocument(actor, documentId, "read");
  const length = codePointLength(document.text);
  if (selection.end <= selection.start || selection.end > length) {
    throw new AppError("invalid_input", "The selection is not in the document's text.", {
      end: [`Must be after start and at most ${length}.`],
    });
  }
  const quote = Array.from(document.text).slice(selection.start, selection.end).join("").trim();
  if (!quote) throw new AppError("invalid_input", "The selection is empty.", { start: ["Select some words."] });
  return rankRelated({ workspaceId: document.workspaceId, documentId, quote, limit: selection.limit });
}

// Hides a suggested passage for this annotation, for everyone who may link from it.
export async function dismissSuggestion(actor: Actor, annotationId: string, input: DismissSuggestionInput) {
  const { annotation, access } = await findAnnotation(actor, annotationId);
  if (!can(access, "link")) {
    signedIn(actor);
    throw new AppError("forbidden", "You may not link passages in this workspace.");
  }
  if (input.end <= input.start)
    throw new AppError("invalid_input", "The passage is empty.", { end: ["Must be after start."] });
  const document = await db.document.findFirst({
    where: { id: input.documentId, workspaceId: annotation.workspaceId, deletedAt: null },
    select: { id: true },
  });
  if (!document) throw new AppError("not_found", "Document not found.");
  const user = signedIn(actor);
  await db.suggestionDismissal.upsert({
    where: { annotationId_documentId_start_end: { annotationId, ...input } },
    create: { annotationId, ...input, dismissedById: user.id },
    update: {},
  });
}

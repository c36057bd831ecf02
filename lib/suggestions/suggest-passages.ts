import "server-only";
import { findAnnotation } from "@/lib/annotations/annotation-services";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import { visibleLinkWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import type { DismissSuggestionInput } from "@/lib/validations/suggestion";
import { workspaceIndex } from "./passage-index";
import { queryVector } from "./query-vectors";
import { reasonFor } from "./scorer";
import { relationHint } from "./relation-hint";

type Range = { documentId: string; start: number; end: number };
const overlaps = (a: Range, b: Range) => a.documentId === b.documentId && a.start < b.end && b.start < a.end;

// Passages of the workspace's other live documents that discuss what the annotation
// marks, best first. The caller must see the annotation (the one visibility rule); passages
// it is already linked to (through links the caller sees) and dismissed ones are left out.
export async function suggestPassages(actor: Actor, annotationId: string, limit: number) {
  const { annotation, access } = await findAnnotation(actor, annotationId);
  const canModerate = can(access, "moderate");
  const [index, links, dismissals, vector] = await Promise.all([
    workspaceIndex(annotation.workspaceId),
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
    queryVector(annotation.quote),
  ]);
  const linked: Range[] = links.flatMap((link) => [link.from, link.to]);
  const dismissed = new Set(dismissals.map((range) => `${range.documentId}:${range.start}:${range.end}`));
  const ranked = index.corpus.rank({ text: annotation.quote, vector }, limit, (position) => {
    const entry = index.entries[position]!;
    if (entry.documentId === annotation.documentId) return false;
    if (dismissed.has(`${entry.documentId}:${entry.start}:${entry.end}`)) return false;
    return !linked.some((range) => overlaps(range, entry));
  });
  return ranked.map((item) => {
    const { documentId, start, end, quote } = index.entries[item.index]!;
    const hint = relationHint(annotation.quote, quote, item);
    return {
      documentId,
      start,
      end,
      quote,
      score: Math.round(item.score * 1000) / 1000,
      reason: reasonFor(item),
      ...(hint ? { relationHint: hint } : {}),
    };
  });
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

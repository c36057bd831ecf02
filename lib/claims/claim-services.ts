import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { countLiveDocuments } from "@/lib/documents/list-documents";
import { AppError } from "@/lib/errors";
import { type Actor, authorizeWorkspace, signedIn } from "@/lib/policies/authorize-workspace";
import { perMapVersion } from "@/lib/links/map-aggregate";
import { visibleItemSql, visibleLinksSql, visiblePassageWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import type { z } from "zod";
import type { Pagination } from "@/lib/validations/common";
import type { claimPassageSchema, createClaimSchema } from "@/lib/validations/debate";
import { isNearDuplicateClaim } from "./claim-similarity";
import { deriveClaimMatrix } from "./derive-stances";

type MatrixLink = {
  relation: "agrees" | "contradicts" | "qualifies" | "elaborates";
  fromAnnotationId: string;
  toAnnotationId: string;
  fromDocumentId: string;
  toDocumentId: string;
};

export async function createClaim(actor: Actor, workspaceId: string, input: z.infer<typeof createClaimSchema>) {
  await authorizeWorkspace(actor, workspaceId, "link");
  if (!input.allowDuplicate) {
    const existing = await db.claim.findMany({ where: { workspaceId }, select: { id: true, title: true } });
    const duplicate = existing.find((claim) => isNearDuplicateClaim(claim.title, input.title));
    if (duplicate)
      throw new AppError(
        "duplicate",
        `This workspace already has a claim that says nearly the same: “${duplicate.title}”. Open it, or send allowDuplicate=true to add this one too.`,
        undefined,
        undefined,
        { existingId: duplicate.id },
      );
  }
  const claim = await db.claim.create({
    data: { workspaceId, title: input.title, description: input.description, creatorId: signedIn(actor).id },
  });
  return {
    id: claim.id,
    title: claim.title,
    description: claim.description,
    passages: [],
    passageCount: 0,
    createdAt: claim.createdAt.toISOString(),
  };
}

async function findClaim(actor: Actor, claimId: string, permission: "read" | "link") {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { id: true, workspaceId: true } });
  if (!claim) throw new AppError("not_found", "Claim not found.");
  const access = await authorizeWorkspace(actor, claim.workspaceId, permission);
  return { claim, access };
}

export async function addClaimPassage(actor: Actor, claimId: string, input: z.infer<typeof claimPassageSchema>) {
  const { claim, access } = await findClaim(actor, claimId, "link");
  const annotation = await db.annotation.findFirst({
    where: {
      id: input.annotationId,
      workspaceId: claim.workspaceId,
      ...visiblePassageWhere(actor?.id, can(access, "moderate")),
    },
    select: { id: true },
  });
  if (!annotation)
    throw new AppError("unprocessable", "That passage is not in this workspace.", {
      annotationId: ["Not a passage in this workspace."],
    });
  const placed = await db.claimPassage.upsert({
    where: { claimId_annotationId: { claimId, annotationId: input.annotationId } },
    create: { claimId, annotationId: input.annotationId, stance: input.stance },
    update: { stance: input.stance },
  });
  return { claimId, annotationId: placed.annotationId, stance: placed.stance };
}

export async function removeClaimPassage(actor: Actor, claimId: string, annotationId: string) {
  await findClaim(actor, claimId, "link");
  await db.claimPassage.deleteMany({ where: { claimId, annotationId } });
}

// Passages of claims, for their cards or for the API: visible ones only, oldest first. One
// join (the ORM's nested include built JSON per row: 20 ms for 600 passages at 10,000
// documents).
type PlacedPassageRow = {
  claimId: string;
  annotationId: string;
  stance: string;
  quote: string;
  documentId: string;
  documentTitle: string;
};

function passagesOfClaims(claimIds: string[], viewerId: string | undefined, canModerate: boolean) {
  if (!claimIds.length) return Promise.resolve([] as PlacedPassageRow[]);
  return db.$queryRaw<PlacedPassageRow[]>`
    SELECT cp."claimId", cp."annotationId", cp.stance::text AS stance, a.quote, a."documentId",
           d.title AS "documentTitle"
    FROM "ClaimPassage" cp
    JOIN "Annotation" a ON a.id = cp."annotationId" AND a."deletedAt" IS NULL
      AND ${visibleItemSql("a", "creatorId", viewerId, canModerate)}
    JOIN "Document" d ON d.id = a."documentId" AND d."deletedAt" IS NULL
    WHERE cp."claimId" = ANY(${claimIds}::text[])
    ORDER BY cp."createdAt" ASC, cp."annotationId" ASC`;
}

const presentPlacedPassage = (passage: PlacedPassageRow) => ({
  annotationId: passage.annotationId,
  stance: passage.stance,
  quote: passage.quote,
  documentId: passage.documentId,
  documentTitle: passage.documentTitle,
});

// The claims of a workspace with their passages. `passagesPerClaim` keeps a page small at
// scale: each claim then carries its first passages and the count of all of them
// (GET /api/v1/claims/{id}/passages lists the rest).
export async function listClaims(actor: Actor, workspaceId: string, options: { passagesPerClaim?: number } = {}) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const canModerate = can(access, "moderate");
  const claims = await db.claim.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
  const passages = await passagesOfClaims(
    claims.map((claim) => claim.id),
    actor?.id,
    canModerate,
  );
  const byClaim = new Map<string, PlacedPassageRow[]>();
  for (const passage of passages) {
    const placed = byClaim.get(passage.claimId);
    if (placed) placed.push(passage);
    else byClaim.set(passage.claimId, [passage]);
  }
  return claims.map((claim) => {
    const placed = byClaim.get(claim.id) ?? [];
    return {
      id: claim.id,
      title: claim.title,
      description: claim.description,
      createdAt: claim.createdAt.toISOString(),
      passageCount: placed.length,
      passages: placed.slice(0, options.passagesPerClaim ?? placed.length).map(presentPlacedPassage),
    };
  });
}

// Every passage placed under one claim that the viewer may see.
export async function listClaimPassages(actor: Actor, claimId: string) {
  const { claim, access } = await findClaim(actor, claimId, "read");
  return (await passagesOfClaims([claim.id], actor?.id, can(access, "moderate"))).map(presentPlacedPassage);
}

// Documents × claims, each cell the document's stance derived from its passages. Only the
// documents that take a stance are columns, a page of them at a time (oldest first); the
// rest are a count. The work grows with the passages placed under claims and the links that
// touch them, not with the size of the workspace.
// `listed` is this actor's listClaims of the workspace, when the caller has it already.
export async function claimMatrix(
  actor: Actor,
  workspaceId: string,
  page: Pagination = { limit: 50 },
  listed?: Awaited<ReturnType<typeof listClaims>>,
) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const canModerate = can(access, "moderate");
  const claims = listed ?? (await listClaims(actor, workspaceId));
  const placedIds = [...new Set(claims.flatMap((claim) => claim.passages.map((passage) => passage.annotationId)))];
  const [links, documentCount] = await Promise.all([
    placedIds.length ? linksTouching(workspaceId, placedIds, actor?.id, canModerate) : [],
    countLiveDocuments(workspaceId),
  ]);
  const cells = deriveClaimMatrix(
    claims.flatMap((claim) =>
      claim.passages.map((passage) => ({
        claimId: claim.id,
        annotationId: passage.annotationId,
        documentId: passage.documentId,
        stance: passage.stance as "supports" | "opposes" | "qualifies",
      })),
    ),
    links.map((link) => ({
      fromAnnotationId: link.fromAnnotationId,
      fromDocumentId: link.fromDocumentId,
      toAnnotationId: link.toAnnotationId,
      toDocumentId: link.toDocumentId,
      relation: link.relation,
    })),
  );
  // The live documents that take a stance, in column order; titles only for the page shown.
  const cellDocumentIds = [...new Set(cells.map((cell) => cell.documentId))];
  const stanceTaking = cellDocumentIds.length
    ? await db.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM "Document" WHERE id = ANY(${cellDocumentIds}::text[]) AND "deletedAt" IS NULL
        ORDER BY "createdAt" ASC, id ASC`
    : [];
  const offset = Number(page.cursor ?? 0) || 0;
  const pageIds = stanceTaking.slice(offset, offset + page.limit).map((document) => document.id);
  const titled = await db.document.findMany({
    where: { id: { in: pageIds } },
    select: { id: true, title: true, authors: true },
  });
  const byId = new Map(titled.map((document) => [document.id, document]));
  const documents = pageIds.flatMap((id) => byId.get(id) ?? []);
  const shown = new Set(documents.map((document) => document.id));
  const shownCells = cells.filter((cell) => shown.has(cell.documentId));
  // Each cell names its passages with their quotes, so the matrix can open them: placed
  // passages carry theirs; the linked ones in the cells shown are read (current quotes, which
  // a revision may have changed without moving the map version).
  const quotes = new Map<string, string>(
    claims.flatMap((claim) => claim.passages.map((passage) => [passage.annotationId, passage.quote] as const)),
  );
  const unquoted = [
    ...new Set(shownCells.flatMap((cell) => cell.passages.map((passage) => passage.annotationId))),
  ].filter((id) => !quotes.has(id));
  if (unquoted.length) {
    const linked = await db.annotation.findMany({ where: { id: { in: unquoted } }, select: { id: true, quote: true } });
    for (const passage of linked) quotes.set(passage.id, passage.quote);
  }
  return {
    claims: claims.map(({ id, title, description }) => ({ id, title, description })),
    documents,
    // Documents that take a stance on some claim (columns over all pages), and those that do not.
    stanceTakingDocuments: stanceTaking.length,
    otherDocuments: documentCount - stanceTaking.length,
    nextCursor: offset + page.limit < stanceTaking.length ? String(offset + page.limit) : null,
    cells: shownCells.map((cell) => ({
      ...cell,
      passages: cell.passages.map((passage) => ({ ...passage, quote: quotes.get(passage.annotationId) ?? "" })),
    })),
  };
}

// The links touching placed passages, with their ends' documents, in one SQL pass (at 10,000
// documents about a thousand links, where the ORM's nested selects took half again as long).
// They change only with the map version (links, their ends' visibility and documents), so
// they are kept per version and set of placed passages (perMapVersion).
function linksTouching(
  workspaceId: string,
  placedIds: string[],
  viewerId: string | undefined,
  canModerate: boolean,
): Promise<MatrixLink[]> {
  const placed = createHash("sha1")
    .update([...placedIds].sort().join(","))
    .digest("hex");
  return perMapVersion(
    workspaceId,
    `claim-links:${placed}`,
    viewerId,
    canModerate,
    (pendingViewerId) =>
      db.$queryRaw<MatrixLink[]>`
      SELECT l.relation::text AS relation, l."fromAnnotationId", l."toAnnotationId",
             fa."documentId" AS "fromDocumentId", ta."documentId" AS "toDocumentId"
      ${visibleLinksSql(workspaceId, pendingViewerId, canModerate)}
        AND (l."fromAnnotationId" = ANY(${placedIds}::text[]) OR l."toAnnotationId" = ANY(${placedIds}::text[]))
      ORDER BY l."createdAt" ASC, l.id ASC`,
  );
}

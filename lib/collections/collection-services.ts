import "server-only";
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { renderMarkdownInPool } from "@/lib/markdown/render-in-pool";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, authorizeWorkspace, signedIn } from "@/lib/policies/authorize-workspace";
import { visibleLinkWhere, visiblePassageWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import type {
  AddCollectionItemInput,
  CreateCollectionInput,
  UpdateCollectionInput,
} from "@/lib/validations/collection";
import { findCollection } from "./find-collection";

const PASSAGE_SELECT = {
  id: true,
  documentId: true,
  quote: true,
  body: true,
  bodyHtml: true,
  status: true,
  creator: { select: { name: true } },
  document: { select: { title: true } },
} as const;
type PassageRow = Prisma.AnnotationGetPayload<{ select: typeof PASSAGE_SELECT }>;

const presentPassage = (passage: PassageRow) => ({
  annotationId: passage.id,
  documentId: passage.documentId,
  documentTitle: passage.document.title,
  quote: passage.quote,
  commentHtml: passage.bodyHtml ?? renderMarkdown(passage.body),
  author: passage.creator.name,
  status: passage.status,
});

const presentCollection = (collection: {
  id: string;
  workspaceId: string;
  title: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { id: string; name: string };
}) => ({
  id: collection.id,
  workspaceId: collection.workspaceId,
  title: collection.title,
  description: collection.description,
  createdBy: collection.createdBy,
  createdAt: collection.createdAt.toISOString(),
  updatedAt: collection.updatedAt.toISOString(),
});

export async function listCollections(actor: Actor, workspaceId: string) {
  await authorizeWorkspace(actor, workspaceId, "read");
  const collections = await db.collection.findMany({
    where: { workspaceId },
    include: { createdBy: { select: { id: true, name: true } }, _count: { select: { items: true } } },
    orderBy: { updatedAt: "desc" },
  });
  return {
    items: collections.map((collection) => ({ ...presentCollection(collection), itemCount: collection._count.items })),
    nextCursor: null,
  };
}

export async function createCollection(actor: Actor, workspaceId: string, input: CreateCollectionInput) {
  await authorizeWorkspace(actor, workspaceId, "moderate");
  await renderMarkdownInPool(input.description, { renderedOnRead: true }); // rendered when read: refused now if it is costly
  const collection = await db.collection.create({
    data: { workspaceId, title: input.title, description: input.description, createdById: signedIn(actor).id },
    include: { createdBy: { select: { id: true, name: true } } },
  });
  return { ...presentCollection(collection), items: [] };
}

// A collection with its items in order. Items whose passage or link the reader may not
// see (the item-visibility rule) are left out for them, as everywhere else.
export async function getCollection(actor: Actor, collectionId: string) {
  const collection = await findCollection(actor, collectionId, "read");
  const canModerate = can(collection.access, "moderate");
  const annotationIds = collection.items.flatMap((item) => (item.annotationId ? [item.annotationId] : []));
  const linkIds = collection.items.flatMap((item) => (item.linkId ? [item.linkId] : []));
  const [passageById, linkById] = await Promise.all([
    db.annotation.findMany({
      where: { id: { in: annotationIds }, ...visiblePassageWhere(actor?.id, canModerate) },
      select: PASSAGE_SELECT,
    }),
    db.passageLink.findMany({
      where: { id: { in: linkIds }, ...visibleLinkWhere(actor?.id, canModerate) },
      select: {
        id: true,
        relation: true,
        rationale: true,
        rationaleHtml: true,
        status: true,
        creator: { select: { name: true } },
        from: { select: PASSAGE_SELECT },
        to: { select: PASSAGE_SELECT },
      },
    }),
  ]).then(
    ([passages, links]) =>
      [
        new Map(passages.map((passage) => [passage.id, passage])),
        new Map(links.map((link) => [link.id, link])),
      ] as const,
  );
  type Item = { id: string; note: string; noteHtml: string; position: number; createdAt: string; targetId: string } & (
    | { type: "annotation"; passage: ReturnType<typeof presentPassage> }
    | {
        type: "link";
        link: {
          id: string;
          relation: string;
          rationale: string;
          rationaleHtml: string;
          status: string;
          creator: string;
          from: ReturnType<typeof presentPassage>;
          to: ReturnType<typeof presentPassage>;
        };
      }
  );
  const items = collection.items.flatMap((item): Item[] => {
    // A curator's note is short and a collection holds a few dozen: rendered when read.
    const base = {
      id: item.id,
      note: item.note,
      noteHtml: renderMarkdown(item.note),
      position: item.position,
      createdAt: item.createdAt.toISOString(),
    };
    if (item.annotationId) {
      const passage = passageById.get(item.annotationId);
      return passage
        ? [{ ...base, type: "annotation" as const, targetId: passage.id, passage: presentPassage(passage) }]
        : [];
    }
    const link = linkById.get(item.linkId!);
    return link
      ? [
          {
            ...base,
            type: "link" as const,
            targetId: link.id,
            link: {
              id: link.id,
              relation: link.relation,
              rationale: link.rationale,
              rationaleHtml: link.rationaleHtml ?? renderMarkdown(link.rationale),
              status: link.status,
              creator: link.creator.name,
              from: presentPassage(link.from),
              to: presentPassage(link.to),
            },
          },
        ]
      : [];
  });
  return { ...presentCollection(collection), canEdit: canModerate, items };
}
export type PresentedCollection = Awaited<ReturnType<typeof getCollection>>;

export async function updateCollection(actor: Actor, collectionId: string, input: UpdateCollectionInput) {
  await findCollection(actor, collectionId, "moderate");
  if (input.description !== undefined) await renderMarkdownInPool(input.description, { renderedOnRead: true });
  await db.collection.update({ where: { id: collectionId }, data: input });
  return getCollection(actor, collectionId);
}

export async function deleteCollection(actor: Actor, collectionId: string) {
  await findCollection(actor, collectionId, "moderate");
  await db.collection.delete({ where: { id: collectionId } });
}

// Adds a passage or a link of the collection's own workspace at the end.
export async function addCollectionItem(actor: Actor, collectionId: string, input: AddCollectionItemInput) {
  const collection = await findCollection(actor, collectionId, "moderate");
  await renderMarkdownInPool(input.note, { renderedOnRead: true });
  const target =
    input.type === "annotation"
      ? await db.annotation.findFirst({
          where: { id: input.id, workspaceId: collection.workspaceId, deletedAt: null },
          select: { id: true },
        })
      : await db.passageLink.findFirst({
          where: { id: input.id, workspaceId: collection.workspaceId, deletedAt: null },
          select: { id: true },
        });
  if (!target)
    throw new AppError(
      "unprocessable",
      `No ${input.type === "annotation" ? "passage" : "link"} with this id in the collection's workspace.`,
      { id: ["Not found in this workspace."] },
    );
  try {
    const item = await db.$transaction(async (transaction) => {
      // The collection row is the lock that keeps positions unique under concurrent adds.
      await transaction.$executeRaw`SELECT 1 FROM "Collection" WHERE id = ${collectionId} FOR UPDATE`;
      const last = await transaction.collectionItem.aggregate({ where: { collectionId }, _max: { position: true } });
      const created = await transaction.collectionItem.create({
        data: {
          collectionId,
          note: input.note,
          position: (last._max.position ?? -1) + 1,
          ...(input.type === "annotation" ? { annotationId: input.id } : { linkId: input.id }),
        },
      });
      await transaction.collection.update({ where: { id: collectionId }, data: { updatedAt: new Date() } });
      return created;
    });
    return {
      id: item.id,
      type: input.type,
      targetId: input.id,
      note: item.note,
      position: item.position,
      createdAt: item.createdAt.toISOString(),
    };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        "conflict",
        `This ${input.type === "annotation" ? "passage" : "link"} is already in the collection.`,
      );
    }
    throw error;
  }
}

async function findItem(actor: Actor, collectionId: string, itemId: string) {
  const collection = await findCollection(actor, collectionId, "moderate");
  if (!collection.items.some((item) => item.id === itemId))
    throw new AppError("not_found", "Collection item not found.");
  return collection;
}

export async function updateCollectionItem(actor: Actor, collectionId: string, itemId: string, note: string) {
  await findItem(actor, collectionId, itemId);
  await renderMarkdownInPool(note, { renderedOnRead: true });
  const item = await db.collectionItem.update({ where: { id: itemId }, data: { note } });
  return { id: item.id, note: item.note, position: item.position };
}

export async function removeCollectionItem(actor: Actor, collectionId: string, itemId: string) {
  await findItem(actor, collectionId, itemId);
  await db.collectionItem.delete({ where: { id: itemId } });
}

// A new order: every item of the collection, each once.
export async function reorderCollection(actor: Actor, collectionId: string, itemIds: string[]) {
  const collection = await findCollection(actor, collectionId, "moderate");
  const current = new Set(collection.items.map((item) => item.id));
  if (itemIds.length !== current.size || itemIds.some((id) => !current.has(id))) {
    throw new AppError("unprocessable", "Send every item of the collection exactly once, in the new order.", {
      itemIds: [`Expected the ${current.size} item ids of this collection.`],
    });
  }
  await db.$transaction([
    db.$executeRaw`UPDATE "CollectionItem" AS item SET position = ordered.position::int - 1
      FROM unnest(${itemIds}::text[]) WITH ORDINALITY AS ordered(id, position)
      WHERE item.id = ordered.id AND item."collectionId" = ${collectionId}`,
    db.collection.update({ where: { id: collectionId }, data: { updatedAt: new Date() } }),
  ]);
  return getCollection(actor, collectionId);
}

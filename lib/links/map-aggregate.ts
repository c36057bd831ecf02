import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleItemSql } from "@/lib/policies/item-visibility";

// The debate map's overview counts every visible link of a workspace, per pair of documents and
// relation: at 5,000 links that is most of a request's time. The counts change only when the
// workspace's map version does (a counter bumped by triggers in the writing transaction, see the
// map_version migration), so they are kept per (workspace, version, visibility class) in this
// process (perMapVersion, also used by the claim matrix for its links). The class follows the one visibility rule: moderators see every live item; other
// readers see the visible ones, plus their own pending ones, so a reader with a pending link or
// linked passage gets counts of their own; everyone else shares one entry.

export type MapPair = { from: string; to: string; relation: string; count: number };
// Per document: the links touching it (a link inside one document counts once) and its linked passages.
export type MapDocumentCount = { id: string; title: string; links: number; passages: number };
export type MapAggregate = { pairs: MapPair[]; perDocument: MapDocumentCount[] };

// One pass over the workspace's links: each end looked up by its key (a lateral lookup, so
// 5,000 links cost 10,000 index probes, not three scans of every annotation), then counted here.
async function countLinks(workspaceId: string, viewerId: string | undefined, canModerate: boolean) {
  const end = (alias: string, column: string) => Prisma.sql`
    CROSS JOIN LATERAL (
      SELECT ${Prisma.raw(alias)}.id, ${Prisma.raw(alias)}."documentId" FROM "Annotation" ${Prisma.raw(alias)}
      WHERE ${Prisma.raw(alias)}.id = l.${Prisma.raw(`"${column}"`)} AND ${Prisma.raw(alias)}."deletedAt" IS NULL
        AND ${visibleItemSql(alias, "creatorId", viewerId, canModerate)}
      LIMIT 1) ${Prisma.raw(`${alias}_end`)}`;
  const rows = await db.$queryRaw<
    Array<{
      link: string;
      relation: string;
      fromDocument: string;
      fromPassage: string;
      toDocument: string;
      toPassage: string;
    }>
  >`
    SELECT l.id AS link, l.relation::text AS relation, fa_end."documentId" AS "fromDocument", fa_end.id AS "fromPassage",
           ta_end."documentId" AS "toDocument", ta_end.id AS "toPassage"
    FROM "PassageLink" l
    ${end("fa", "fromAnnotationId")}
    ${end("ta", "toAnnotationId")}
    JOIN "Document" fd ON fd.id = fa_end."documentId" AND fd."deletedAt" IS NULL
    JOIN "Document" td ON td.id = ta_end."documentId" AND td."deletedAt" IS NULL
    WHERE l."workspaceId" = ${workspaceId} AND l."deletedAt" IS NULL
      AND ${visibleItemSql("l", "creatorId", viewerId, canModerate)}`;
  const pairs = new Map<string, MapPair>();
  const touching = new Map<string, { links: Set<string>; passages: Set<string> }>();
  const touch = (document: string, link: string, passage: string) => {
    const entry = touching.get(document) ?? { links: new Set<string>(), passages: new Set<string>() };
    entry.links.add(link);
    entry.passages.add(passage);
    touching.set(document, entry);
  };
  for (const row of rows) {
    const key = `${row.fromDocument}\u0000${row.toDocument}\u0000${row.relation}`;
    const pair = pairs.get(key);
    if (pair) pair.count += 1;
    else pairs.set(key, { from: row.fromDocument, to: row.toDocument, relation: row.relation, count: 1 });
    touch(row.fromDocument, row.link, row.fromPassage);
    touch(row.toDocument, row.link, row.toPassage);
  }
  const documents = touching.size
    ? await db.document.findMany({
        where: { id: { in: [...touching.keys()] } },
        select: { id: true, title: true, createdAt: true },
      })
    : [];
  const perDocument = documents
    .map((document) => ({
      id: document.id,
      title: document.title,
      links: touching.get(document.id)!.links.size,
      passages: touching.get(document.id)!.passages.size,
      createdAt: document.createdAt.getTime(),
    }))
    .sort((a, b) => b.links - a.links || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, title, links, passages }) => ({ id, title, links, passages }));
  return { pairs: [...pairs.values()], perDocument };
}

// The workspace's map version, and whether this reader has pending items that the map counts
// for them alone (a pending link, or a pending passage at an end of a link).
async function versionFor(workspaceId: string, viewerId: string | undefined, canModerate: boolean) {
  const ownPending =
    canModerate || !viewerId
      ? Prisma.sql`FALSE`
      : Prisma.sql`(
          EXISTS (SELECT 1 FROM "PassageLink" l WHERE l."workspaceId" = ${workspaceId} AND l."creatorId" = ${viewerId}
                    AND l.status = 'pending' AND l."deletedAt" IS NULL)
          OR EXISTS (SELECT 1 FROM "Annotation" a WHERE a."creatorId" = ${viewerId} AND a."workspaceId" = ${workspaceId}
                    AND a.status = 'pending' AND a."deletedAt" IS NULL
                    AND (EXISTS (SELECT 1 FROM "PassageLink" f WHERE f."fromAnnotationId" = a.id)
                      OR EXISTS (SELECT 1 FROM "PassageLink" t WHERE t."toAnnotationId" = a.id))))`;
  const [row] = await db.$queryRaw<Array<{ version: number; ownPending: boolean }>>`
    SELECT coalesce((SELECT version FROM "WorkspaceMapVersion" WHERE "workspaceId" = ${workspaceId}), 0) AS version,
           ${ownPending} AS "ownPending"`;
  return row!;
}

type Entry = { version: number; value: Promise<unknown> };
const MAX_ENTRIES = 256;
const globalForMap = globalThis as unknown as { mapVersionEntries?: Map<string, Entry> };
const entries = (globalForMap.mapVersionEntries ??= new Map<string, Entry>());

// Something computed from the links a reader may see in a workspace (the map's counts, the
// links behind the claim matrix), kept per (workspace, what, visibility class) until the map
// version moves. `compute` gets the viewer whose own pending items count (undefined when
// they have none, so readers share the entry). `what` names the computation and its inputs.
export async function perMapVersion<T>(
  workspaceId: string,
  what: string,
  viewerId: string | undefined,
  canModerate: boolean,
  compute: (pendingViewerId: string | undefined) => Promise<T>,
): Promise<T> {
  // The version is read before computing, so an entry never holds values older than its version.
  const { version, ownPending } = await versionFor(workspaceId, viewerId, canModerate);
  const visibility = canModerate ? "moderator" : ownPending ? `reader:${viewerId}` : "reader";
  const key = `${workspaceId}:${what}:${visibility}`;
  const cached = entries.get(key);
  if (cached && cached.version >= version) {
    // Most recently used last, so the oldest entry is the first to go.
    entries.delete(key);
    entries.set(key, cached);
    return cached.value as Promise<T>;
  }
  const value = compute(ownPending ? viewerId : undefined);
  entries.delete(key);
  entries.set(key, { version, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

export function loadMapAggregate(
  workspaceId: string,
  viewerId: string | undefined,
  canModerate: boolean,
): Promise<MapAggregate> {
  return perMapVersion(workspaceId, "overview", viewerId, canModerate, (pendingViewerId) =>
    countLinks(workspaceId, pendingViewerId, canModerate),
  );
}

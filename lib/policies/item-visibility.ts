import { Prisma } from "@/lib/generated/prisma/client";

// The one rule for who sees an annotation, reply or link in a given moderation status:
// visible ones anyone who may read the workspace; pending ones also their author;
// hidden ones only moderators (and owners). A link is seen only with both of its
// passages. Three forms of the same rule: a check for one loaded item, a Prisma `where`
// and an SQL fragment. Every surface (reader, threads, search, map, claims, links, tags,
// collections, exports, counts) goes through these; none writes its own.
export type ItemStatus = "visible" | "hidden" | "pending";

export function canSeeItem(
  status: ItemStatus,
  authorId: string,
  viewerId: string | undefined,
  canModerate: boolean,
): boolean {
  if (status === "visible" || canModerate) return true;
  return status === "pending" && authorId === viewerId;
}

// A Prisma condition (`{}` for moderators, else an `OR`). Spread it into a `where` that has
// no `OR` of its own; otherwise put it in an `AND` list.
export function visibleItemWhere<AuthorField extends string>(
  authorField: AuthorField,
  viewerId: string | undefined,
  canModerate: boolean,
): { OR?: Array<{ status: ItemStatus } & Partial<Record<AuthorField, string>>> } {
  if (canModerate) return {};
  const own = viewerId
    ? [{ status: "pending", [authorField]: viewerId } as { status: ItemStatus } & Record<AuthorField, string>]
    : [];
  return { OR: [{ status: "visible" } as { status: ItemStatus } & Partial<Record<AuthorField, string>>, ...own] };
}

// A passage as a reader may see it: live, in a live document, and visible to them.
export function visiblePassageWhere(viewerId: string | undefined, canModerate: boolean) {
  return { deletedAt: null, document: { deletedAt: null }, ...visibleItemWhere("creatorId", viewerId, canModerate) };
}

// A link is seen only with both of its passages.
export function visibleLinkWhere(viewerId: string | undefined, canModerate: boolean) {
  return {
    deletedAt: null,
    ...visibleItemWhere("creatorId", viewerId, canModerate),
    from: visiblePassageWhere(viewerId, canModerate),
    to: visiblePassageWhere(viewerId, canModerate),
  } satisfies Prisma.PassageLinkWhereInput;
}

// `alias` is the table alias, `authorColumn` its author column; `canModerate` is a
// boolean, or an SQL expression when it differs per row (search across workspaces); so may
// `viewerId` be (notifications decide for many recipients at once).
export function visibleItemSql(
  alias: string,
  authorColumn: string,
  viewerId: string | undefined | Prisma.Sql,
  canModerate: boolean | Prisma.Sql,
): Prisma.Sql {
  if (canModerate === true) return Prisma.sql`TRUE`;
  const status = Prisma.raw(`${alias}.status`);
  const author = Prisma.raw(`${alias}."${authorColumn}"`);
  const moderates = canModerate === false ? Prisma.sql`FALSE` : canModerate;
  return Prisma.sql`(${status} = 'visible' OR ${moderates} OR (${status} = 'pending' AND ${author} = ${viewerId ?? null}))`;
}

// The SQL form of visibleLinkWhere over a workspace's links (a FROM ... WHERE clause; l is the
// link, fa/ta its passages, fd/td their documents): both ends live, visible and in live
// documents. The debate map and the claim matrix count through it.
export function visibleLinksSql(workspaceId: string, viewerId: string | undefined, canModerate: boolean) {
  return Prisma.sql`
    FROM "PassageLink" l
    JOIN "Annotation" fa ON fa.id = l."fromAnnotationId" AND fa."deletedAt" IS NULL
    JOIN "Document" fd ON fd.id = fa."documentId" AND fd."deletedAt" IS NULL
    JOIN "Annotation" ta ON ta.id = l."toAnnotationId" AND ta."deletedAt" IS NULL
    JOIN "Document" td ON td.id = ta."documentId" AND td."deletedAt" IS NULL
    WHERE l."workspaceId" = ${workspaceId} AND l."deletedAt" IS NULL
      AND ${visibleItemSql("l", "creatorId", viewerId, canModerate)}
      AND ${visibleItemSql("fa", "creatorId", viewerId, canModerate)}
      AND ${visibleItemSql("ta", "creatorId", viewerId, canModerate)}`;
}

import { Prisma } from "@/lib/generated/prisma/client";

// The one rule for who sees an annotation, reply or link in a given moderation status:
// visible ones anyone who may read the workspace; pending ones also their author;
// hidden ones only moderators (and owners). Three forms of the same rule: a check for
// one loaded item, a Prisma `where` and an SQL fragment.
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

// `alias` is the table alias, `authorColumn` its author column; `canModerate` is a
// boolean, or an SQL expression when it differs per row (search across workspaces).
export function visibleItemSql(
  alias: string,
  authorColumn: string,
  viewerId: string | undefined,
  canModerate: boolean | Prisma.Sql,
): Prisma.Sql {
  if (canModerate === true) return Prisma.sql`TRUE`;
  const status = Prisma.raw(`${alias}.status`);
  const author = Prisma.raw(`${alias}."${authorColumn}"`);
  const moderates = canModerate === false ? Prisma.sql`FALSE` : canModerate;
  return Prisma.sql`(${status} = 'visible' OR ${moderates} OR (${status} = 'pending' AND ${author} = ${viewerId ?? null}))`;
}

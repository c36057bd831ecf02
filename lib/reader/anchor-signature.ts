import "server-only";
import { db } from "@/lib/db";
import { visibleItemSql } from "@/lib/policies/item-visibility";

// A digest of the highlights a reader may see in a document (each annotation's id, offsets
// and colour, in reading order), computed by the database: one row whatever their number.
// It keys the rendered text, so a page whose highlights have not changed neither loads
// thousands of anchors nor renders them again. Same rows as listAnchors.
export async function anchorSignature(
  documentId: string,
  canModerate: boolean,
  viewerId: string | undefined,
): Promise<string> {
  const [row] = await db.$queryRaw<{ signature: string | null; count: bigint }[]>`
    SELECT md5(string_agg(a.id || ':' || a.start || ':' || a."end" || ':' || coalesce(a.color, ''), ','
             ORDER BY a.start, a."end" DESC, a.id)) AS signature,
           count(*) AS count
    FROM "Annotation" a
    WHERE a."documentId" = ${documentId} AND a."deletedAt" IS NULL AND a."anchorStatus" <> 'orphaned'
      AND ${visibleItemSql("a", "creatorId", viewerId, canModerate)}`;
  return `${Number(row?.count ?? 0)}:${row?.signature ?? ""}`;
}

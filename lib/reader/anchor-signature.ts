import "server-only";
import { db } from "@/lib/db";
import { visibleItemSql } from "@/lib/policies/item-visibility";

// A digest of the highlights a reader may see in a document (each annotation's id, offsets
// and colour, in reading order), computed by the database: one row whatever their number.
// It keys the rendered text, so a page whose highlights have not changed neither loads
// thousands of anchors nor renders them again. Same rows as listAnchors.
//
// Digesting 5,000 annotations takes the database about 12 ms, on every page view. So each
// digest is kept per (document, highlights version, what the reader may see): the version
// is a counter the database bumps in the same transaction as any write to the document's
// annotations (DocumentHighlightsVersion), read by its key. Readers who may see the same
// highlights (moderators; everyone without pending annotations of their own) still share
// one rendered text, since the digest, not the version, keys it.
export async function anchorSignature(
  documentId: string,
  canModerate: boolean,
  viewerId: string | undefined,
): Promise<string> {
  const version = await highlightsVersion(documentId);
  const key = `${documentId}|${version}|${canModerate ? "moderator" : (viewerId ?? "anonymous")}`;
  let signature = SIGNATURES.get(key);
  if (signature) SIGNATURES.delete(key);
  else {
    signature = digest(documentId, canModerate, viewerId);
    signature.catch(() => SIGNATURES.delete(key));
  }
  SIGNATURES.set(key, signature);
  if (SIGNATURES.size > MAX_SIGNATURES) SIGNATURES.delete(SIGNATURES.keys().next().value!);
  return signature;
}

// Bounded: the least recently used goes first. An entry is a short string.
const SIGNATURES = new Map<string, Promise<string>>();
const MAX_SIGNATURES = 5000;

async function highlightsVersion(documentId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ version: number }[]>`
    SELECT "version" FROM "DocumentHighlightsVersion" WHERE "documentId" = ${documentId}`;
  return row?.version ?? 0;
}

async function digest(documentId: string, canModerate: boolean, viewerId: string | undefined): Promise<string> {
  const [row] = await db.$queryRaw<{ signature: string | null; count: bigint }[]>`
    SELECT md5(string_agg(a.id || ':' || a.start || ':' || a."end" || ':' || coalesce(a.color, ''), ','
             ORDER BY a.start, a."end" DESC, a.id)) AS signature,
           count(*) AS count
    FROM "Annotation" a
    WHERE a."documentId" = ${documentId} AND a."deletedAt" IS NULL AND a."anchorStatus" <> 'orphaned'
      AND ${visibleItemSql("a", "creatorId", viewerId, canModerate)}`;
  return `${Number(row?.count ?? 0)}:${row?.signature ?? ""}`;
}

// The benchmark's reads as hand-written SQL through pg: the same rows the API
// returns (membership check included), without the framework, ORM or JSON shaping.
import type pg from "pg";

export function rawReads(pool: pg.Pool, userIdByClient: (client: number) => string, workspaceId: string) {
  const member = (client: number) =>
    pool.query(`SELECT role FROM "Membership" WHERE "workspaceId" = $1 AND "userId" = $2`, [
      workspaceId,
      userIdByClient(client),
    ]);
  return {
    documentAnnotations: async (client: number, documentId: string) => {
      await member(client);
      await pool.query(
        `SELECT a.*, u.name AS "creatorName",
                (SELECT count(*) FROM "Reply" r WHERE r."annotationId" = a.id AND r."deletedAt" IS NULL AND r.status = 'visible') AS "replyCount"
         FROM "Annotation" a JOIN "User" u ON u.id = a."creatorId"
         WHERE a."documentId" = $1 AND a."deletedAt" IS NULL AND a.status = 'visible'
         ORDER BY a.start, a."end" DESC, a."createdAt"`,
        [documentId],
      );
    },
    thread: async (client: number, annotationId: string) => {
      await member(client);
      await pool.query(
        `SELECT a.*, u.name AS "creatorName" FROM "Annotation" a JOIN "User" u ON u.id = a."creatorId" WHERE a.id = $1 AND a."deletedAt" IS NULL`,
        [annotationId],
      );
      await pool.query(
        `SELECT r.*, u.name AS "authorName",
                coalesce(sum(v.value) FILTER (WHERE v.value > 0), 0) AS up, coalesce(-sum(v.value) FILTER (WHERE v.value < 0), 0) AS down,
                max(v.value) FILTER (WHERE v."userId" = $2) AS mine
         FROM "Reply" r JOIN "User" u ON u.id = r."authorId" LEFT JOIN "Vote" v ON v."replyId" = r.id
         WHERE r."annotationId" = $1 AND r."deletedAt" IS NULL AND r.status = 'visible'
         GROUP BY r.id, u.name ORDER BY r.sequence`,
        [annotationId, userIdByClient(client)],
      );
    },
    links: async (client: number, annotationId: string) => {
      await member(client);
      await pool.query(
        `SELECT l.*, u.name AS "creatorName", f.quote AS "fromQuote", f."documentId" AS "fromDocumentId", fd.title AS "fromTitle",
                t.quote AS "toQuote", t."documentId" AS "toDocumentId", td.title AS "toTitle"
         FROM "PassageLink" l JOIN "User" u ON u.id = l."creatorId"
           JOIN "Annotation" f ON f.id = l."fromAnnotationId" JOIN "Document" fd ON fd.id = f."documentId"
           JOIN "Annotation" t ON t.id = l."toAnnotationId" JOIN "Document" td ON td.id = t."documentId"
         WHERE (l."fromAnnotationId" = $1 OR l."toAnnotationId" = $1) AND l."deletedAt" IS NULL AND l.status = 'visible'
         ORDER BY l."createdAt"`,
        [annotationId],
      );
    },
  };
}

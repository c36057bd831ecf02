import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CANDIDATE_CAP, searchCtes, type Ranked, type SearchContext } from "./search-context";

// One ranked search over items with their own small vectors (annotations, replies):
// the first CANDIDATE_CAP items that match (as the index yields them) are ranked; a page
// past them continues with the other matches by id, unranked. Without words (a tag or
// author filter alone) nothing is ranked: newest first, counted up to the cap.
//   from:   the item table and its joins, using the CTEs ws and q; `id` names its key
//   headFrom: what the candidates are found in, when `where` needs less than `from`
//   where:  every condition, the @@ match included
//   rank:   the item's rank (0 without words)
//   select: the columns, `id` and `createdAt` among them
//   seeWords: whether the planner may see the words (search-context.ts; default true)
export async function cappedSearch<T>(
  context: SearchContext,
  parts: {
    from: Prisma.Sql;
    headFrom?: Prisma.Sql;
    id: Prisma.Sql;
    createdAt: Prisma.Sql;
    rank: Prisma.Sql;
    where: Prisma.Sql;
    select: Prisma.Sql;
    seeWords?: boolean;
  },
): Promise<Ranked<T>> {
  const { from, id, createdAt, rank, where, select } = parts;
  const headFrom = parts.headFrom ?? from;
  // Unranked listings take the newest CANDIDATE_CAP, so that head then tail stays newest first.
  const headOrder = context.hasWords ? Prisma.empty : Prisma.sql`ORDER BY ${createdAt} DESC, ${id}`;
  const prelude = Prisma.sql`${searchCtes(context, parts.seeWords ?? true)},
    head AS MATERIALIZED (
      SELECT ${id} AS id, ${rank} AS rank, ${createdAt} AS "createdAt" FROM ${headFrom}
      WHERE ${where} ${headOrder} LIMIT ${CANDIDATE_CAP})`;
  // Ranked and cut in memory from the head; the page's columns are read for its rows only,
  // by key (a LATERAL subquery with LIMIT is not flattened, so the planner cannot hash
  // the whole item table and its joins to find a page of 21 rows).
  const rows = await db.$queryRaw<Array<T & { id: string | null; headCount: number }>>`
    ${prelude},
    chosen AS (
      SELECT * FROM head ORDER BY rank DESC, "createdAt" DESC, id
      LIMIT ${context.page.limit + 1} OFFSET ${context.page.offset})
    SELECT page.*, c.n::int AS "headCount"
    FROM (SELECT count(*) AS n FROM head) c
      LEFT JOIN (SELECT item.*, chosen.rank AS rank, chosen."createdAt" AS "placedAt", chosen.id AS "chosenId"
                 FROM chosen CROSS JOIN LATERAL (SELECT ${select} FROM ${from} WHERE ${id} = chosen.id LIMIT 1) item) page ON true
    ORDER BY page.rank DESC, page."placedAt" DESC, page."chosenId"`;
  const headCount = rows[0]?.headCount ?? 0;
  const isCapped = headCount >= CANDIDATE_CAP;
  const page: T[] = rows.filter((row) => row.id !== null);
  const missing = context.page.limit + 1 - page.length;
  if (isCapped && missing > 0) {
    const tailOrder = context.hasWords ? id : Prisma.sql`${createdAt} DESC, ${id}`;
    page.push(
      ...(await db.$queryRaw<T[]>`
        ${prelude}
        SELECT ${select}, ${rank} AS rank FROM ${from}
        WHERE ${where} AND ${id} NOT IN (SELECT id FROM head)
        ORDER BY ${tailOrder} LIMIT ${missing} OFFSET ${Math.max(0, context.page.offset - headCount)}`),
    );
  }
  return { rows: page, total: { count: headCount, isEstimate: isCapped } };
}

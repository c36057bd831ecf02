// A research group's workspace at scale, written straight to the database: documents cut
// from the corpus (paragraphs recombined; generated paragraphs when the corpus is absent),
// annotations on random spans of them with short comments and tags, and replies. Seeded
// random, so every run builds the same workspace.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { CORPUS_DIR } from "@/tests/support/corpus";
import { seededRandom } from "@/tests/support/simulate-revision";

export type ScaleSizes = { documents: number; annotationsPerDocument: number; replyShare: number };
export type ScaleWorld = { workspaceId: string; ownerEmail: string; password: string; userIds: string[] };

export const SCALE_PASSWORD = "bench scale password";
const TAGS = ["claim", "evidence", "alliance", "method", "sanctions", "energy"];
const COMMENTS = [
  "This is the **core claim** of the piece.",
  "Evidence is thin here; compare the other reports.",
  "A formal alliance is not what the text describes.",
  "Note the hedging: cooperation, not commitment.",
  "Trust between the capitals is asserted, not shown.",
  "Useful data point on military exercises.",
  "The framing of an axis overstates coordination.",
  "Energy trade figures support the partnership reading.",
];

function paragraphPool(): string[] {
  if (existsSync(CORPUS_DIR)) {
    return readdirSync(CORPUS_DIR)
      .filter((file) => file.endsWith(".txt"))
      .flatMap((file) => readFileSync(path.join(CORPUS_DIR, file), "utf8").split(/\n+/))
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph.length > 80);
  }
  const random = seededRandom(5);
  const words =
    "china russia alliance partnership military cooperation trust sanctions energy summit treaty axis convenience strategic exercises pipeline council envoy unilateralism security".split(
      " ",
    );
  return Array.from(
    { length: 400 },
    () => `${Array.from({ length: 60 }, () => words[Math.floor(random() * words.length)]).join(" ")}.`,
  );
}

export async function seedScale(url: string, sizes: ScaleSizes): Promise<ScaleWorld> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const random = seededRandom(17);
    const pool = paragraphPool();
    const passwordHash = await hashPassword(SCALE_PASSWORD);
    const ownerEmail = `scale-owner-${Date.now().toString(36)}@bench.example`;
    const users = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
       SELECT 'u' || md5($1 || g), CASE WHEN g = 0 THEN $1 ELSE g || '-' || $1 END, 'Scale Researcher ' || g, $2, now()
       FROM generate_series(0, 19) g RETURNING id`,
      [ownerEmail, passwordHash],
    );
    const userIds = users.rows.map((row) => row.id);
    const workspaceId = `w${Date.now().toString(36)}`;
    await client.query(`INSERT INTO "Workspace" (id, name, "updatedAt") VALUES ($1, $2, now())`, [
      workspaceId,
      `Scale ${sizes.documents}`,
    ]);
    await client.query(
      `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt")
       SELECT 'm' || md5($1 || u), $1, u, CASE WHEN u = $2 THEN 'owner'::"Role" ELSE 'researcher'::"Role" END, now()
       FROM unnest($3::text[]) u`,
      [workspaceId, userIds[0], userIds],
    );
    const BATCH = 250;
    for (let first = 0; first < sizes.documents; first += BATCH) {
      const ids: string[] = [];
      const titles: string[] = [];
      const texts: string[] = [];
      for (let index = first; index < Math.min(sizes.documents, first + BATCH); index += 1) {
        const count = 6 + Math.floor(random() * 10);
        const paragraphs = Array.from({ length: count }, () => pool[Math.floor(random() * pool.length)]!);
        // A few rare words and CJK phrases, so rare-word queries have something to find.
        if (index % 997 === 0) paragraphs.push("A xylographic appendix reproduces the treaty's seal.");
        if (index % 50 === 0) paragraphs.push("The statement invokes a 全面战略协作伙伴关系 for the new era.");
        ids.push(`${workspaceId}-d${index}`);
        titles.push(`Report ${index + 1}: ${paragraphs[0]!.split(/\s+/).slice(0, 6).join(" ")}`);
        texts.push(paragraphs.join("\n\n"));
      }
      await client.query(
        `INSERT INTO "Document" (id, "workspaceId", title, text, "contentHash", "createdById", "updatedAt")
         SELECT id, $1, title, text, md5(text), $2, now() FROM unnest($3::text[], $4::text[], $5::text[]) AS v(id, title, text)`,
        [workspaceId, userIds[0], ids, titles, texts],
      );
    }
    await client.query(`SELECT setseed(0.42)`);
    await client.query(
      `INSERT INTO "Annotation" (id, "workspaceId", "documentId", "creatorId", selectors, start, "end", quote, body, "bodyHtml", tags, "updatedAt")
       SELECT d.id || '-a' || g, $1, d.id, ($3::text[])[1 + (g * 7 + d.n) % array_length($3::text[], 1)],
              jsonb_build_array(jsonb_build_object('type', 'TextPositionSelector', 'start', r.s, 'end', r.s + r.len)),
              r.s, r.s + r.len, substr(d.text, r.s + 1, r.len), c.body, c.body, ARRAY[($4::text[])[1 + (g + d.n) % 6]], now()
       FROM (SELECT id, text, row_number() OVER (ORDER BY id) AS n FROM "Document" WHERE "workspaceId" = $1) d
       CROSS JOIN generate_series(1, $2::int) g
       CROSS JOIN LATERAL (SELECT floor(random() * greatest(length(d.text) - 200, 1))::int AS s, 40 + floor(random() * 120)::int AS len) r
       CROSS JOIN LATERAL (SELECT ($5::text[])[1 + (g * 3 + d.n) % 8] AS body) c`,
      [workspaceId, sizes.annotationsPerDocument, userIds, TAGS, COMMENTS],
    );
    await client.query(
      `INSERT INTO "Reply" (id, "workspaceId", "annotationId", "authorId", body, "bodyHtml", stance, "updatedAt")
       SELECT a.id || '-r', $1, a.id, ($3::text[])[1 + abs(hashtext(a.id)) % 20],
              'I disagree: the evidence on trust and energy is mixed.', 'I disagree: the evidence on trust and energy is mixed.',
              (ARRAY['supports','opposes','qualifies','asks']::"Stance"[])[1 + abs(hashtext(a.id)) % 4], now()
       FROM "Annotation" a WHERE a."workspaceId" = $1 AND random() < $2`,
      [workspaceId, sizes.replyShare, userIds],
    );
    await client.query("ANALYZE");
    return { workspaceId, ownerEmail, password: SCALE_PASSWORD, userIds };
  } finally {
    await client.end();
  }
}

// The debate on top of a seeded workspace: links between annotations of a tenth of the
// documents (a few of them hubs, as real debates have), and claims with passages placed under
// them. Seeded random, so every run builds the same debate. At 10,000 documents: 5,000 links,
// 12 claims, 600 placed passages; scaled down in proportion for smaller workspaces.
export type DebateSizes = { links: number; claims: number; placedPassages: number };
export const debateSizesFor = (documents: number): DebateSizes => ({
  links: Math.round(documents / 2),
  claims: 12,
  placedPassages: Math.max(6, Math.round((documents * 600) / 10_000)),
});

const RELATIONS = ["agrees", "contradicts", "qualifies", "elaborates"] as const;
const PLACED = ["supports", "opposes", "qualifies"] as const;

export async function seedScaleDebate(
  url: string,
  world: ScaleWorld,
  sizes: ScaleSizes,
  debate: DebateSizes = debateSizesFor(sizes.documents),
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const random = seededRandom(29);
    const annotationId = (document: number, index: number) =>
      `${world.workspaceId}-d${document}-a${1 + (index % sizes.annotationsPerDocument)}`;
    // Linked documents: a tenth of the workspace; squaring the draw makes the first ones hubs.
    const pool = Math.max(2, Math.round(sizes.documents / 10));
    const pick = () => Math.floor(pool * random() ** 2);
    const seen = new Set<string>();
    const rows: { from: string[]; to: string[]; relation: string[]; creator: string[] } = {
      from: [],
      to: [],
      relation: [],
      creator: [],
    };
    while (rows.from.length < debate.links) {
      const from = annotationId(pick(), Math.floor(random() * 1000));
      const to = annotationId(pick(), Math.floor(random() * 1000));
      const relation = RELATIONS[Math.floor(random() * RELATIONS.length)]!;
      const key = `${from}>${to}:${relation}`;
      if (from === to || seen.has(key)) continue;
      seen.add(key);
      rows.from.push(from);
      rows.to.push(to);
      rows.relation.push(relation);
      rows.creator.push(world.userIds[rows.from.length % world.userIds.length]!);
    }
    await client.query(
      `INSERT INTO "PassageLink" (id, "workspaceId", "fromAnnotationId", "toAnnotationId", relation, rationale, "rationaleHtml", "creatorId", "updatedAt")
       SELECT $1 || '-l' || n, $1, f, t, r::"LinkRelation", 'Seeded link.', '<p>Seeded link.</p>', c, now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS v(f, t, r, c, n)`,
      [world.workspaceId, rows.from, rows.to, rows.relation, rows.creator],
    );
    const claimIds = Array.from({ length: debate.claims }, (_, index) => `${world.workspaceId}-c${index}`);
    await client.query(
      `INSERT INTO "Claim" (id, "workspaceId", title, description, "creatorId", "updatedAt")
       SELECT id, $1, 'Claim ' || n || ': the partnership is ' || (ARRAY['durable','tactical','lopsided','growing'])[1 + n % 4],
              'Seeded claim.', $3, now()
       FROM unnest($2::text[]) WITH ORDINALITY AS v(id, n)`,
      [world.workspaceId, claimIds, world.userIds[0]],
    );
    // Placed passages: from the linked documents, so the claim matrix finds linked stances too.
    const placed = new Set<string>();
    const placements: { claim: string[]; annotation: string[]; stance: string[] } = {
      claim: [],
      annotation: [],
      stance: [],
    };
    while (placements.claim.length < debate.placedPassages) {
      const claim = claimIds[Math.floor(random() * claimIds.length)]!;
      const annotation = annotationId(pick(), Math.floor(random() * 1000));
      if (placed.has(`${claim}:${annotation}`)) continue;
      placed.add(`${claim}:${annotation}`);
      placements.claim.push(claim);
      placements.annotation.push(annotation);
      placements.stance.push(PLACED[Math.floor(random() * PLACED.length)]!);
    }
    await client.query(
      `INSERT INTO "ClaimPassage" (id, "claimId", "annotationId", stance)
       SELECT $1 || '-p' || n, c, a, s::"Stance" FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS v(c, a, s, n)`,
      [world.workspaceId, placements.claim, placements.annotation, placements.stance],
    );
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

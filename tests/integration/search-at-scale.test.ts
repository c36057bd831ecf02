import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as documentRoute from "@/app/api/v1/documents/[id]/route";
import * as textRoute from "@/app/api/v1/documents/[id]/text/route";
import * as moderation from "@/app/api/v1/moderation/actions/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as search from "@/app/api/v1/workspaces/[id]/search/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { CANDIDATE_CAP, PASSAGE_CAP } from "@/lib/search/search-context";
import { call, workspaceWithTeam } from "../support/api";

// Search through passage units (DocumentSearchUnit) with a bounded candidate set: the
// units follow every write of a document, the best document still comes first, snippets
// come from the matching passage, pages and counts stay right past the cap, and hidden
// items stay hidden. Texts written for this test.
const filler = (word: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${word} sentence number ${index} says little of note.`).join(" ");

describe("search at scale", () => {
  let client: pg.Client;
  let team: Awaited<ReturnType<typeof workspaceWithTeam>>;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    team = await workspaceWithTeam("scale-search", "Scale search");
  });
  afterAll(async () => {
    await client.end();
  });

  const find = (q: string, extra: Record<string, string> = {}, token = team.viewer.token) =>
    call(search.GET, {
      token,
      params: { id: team.workspaceId },
      path: `/api/v1/workspaces/${team.workspaceId}/search?${new URLSearchParams({ q, ...extra })}`,
    });
  const create = async (title: string, text: string) => {
    const created = await call(documents.POST, {
      method: "POST",
      token: team.owner.token,
      params: { id: team.workspaceId },
      body: { title, text },
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; version: number };
  };
  const units = async (documentId: string) =>
    (
      await client.query<{ ordinal: number; start: number; end: number }>(
        `SELECT ordinal, start, "end" FROM "DocumentSearchUnit" WHERE "documentId" = $1 ORDER BY ordinal`,
        [documentId],
      )
    ).rows;

  it("keeps a document's passages on import, revision, title change and deletion", async () => {
    const text = [filler("Opening", 30), filler("Middle", 30), `${filler("Closing", 30)} Quetzal appears here.`].join(
      "\n\n",
    );
    const document = await create("Passage upkeep", text);
    const stored = await units(document.id);
    // Passage 0 is the title; the others cover the text end to end, in order, none huge.
    expect(stored[0]).toMatchObject({ ordinal: 0, start: 0, end: 0 });
    const passages = stored.slice(1);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages[0]!.start).toBe(0);
    expect(passages.at(-1)!.end).toBe(Array.from(text).length);
    passages.slice(1).forEach((unit, index) => expect(unit.start).toBe(passages[index]!.end));
    for (const unit of passages) expect(unit.end - unit.start).toBeLessThan(4000);
    expect((await find("quetzal ", { type: "documents" })).body.documents.map((hit: { id: string }) => hit.id)).toEqual(
      [document.id],
    );

    const revised = await call(textRoute.PUT, {
      method: "PUT",
      token: team.owner.token,
      params: { id: document.id },
      body: { text: text.replace("Quetzal", "Axolotl"), version: document.version },
    });
    expect(revised.status).toBe(200);
    expect((await find("quetzal ", { type: "documents" })).body.documents).toEqual([]);
    expect((await find("axolotl ", { type: "documents" })).body.documents).toHaveLength(1);

    const renamed = await call(documentRoute.PATCH, {
      method: "PATCH",
      token: team.owner.token,
      params: { id: document.id },
      body: { title: "Pangolin notes", metadataVersion: 1 },
    });
    expect(renamed.status).toBe(200);
    expect((await find("pangolin ", { type: "documents" })).body.documents).toHaveLength(1);

    const deleted = await call(documentRoute.DELETE, {
      method: "DELETE",
      token: team.owner.token,
      params: { id: document.id },
    });
    expect(deleted.status).toBeLessThan(300);
    expect(await units(document.id)).toEqual([]);
    expect((await find("axolotl ", { type: "documents" })).body.documents).toEqual([]);
  });

  it("cuts a very long line into passages after spaces, end to end", async () => {
    const text = `${filler("Unbroken", 300)} Caracal at the very end.`;
    const document = await create("One long line", text);
    const passages = (await units(document.id)).slice(1);
    expect(passages.length).toBeGreaterThan(5);
    expect(passages[0]!.start).toBe(0);
    expect(passages.at(-1)!.end).toBe(text.length);
    passages.slice(1).forEach((unit, index) => {
      expect(unit.start).toBe(passages[index]!.end);
      expect(text[unit.start - 1]).toBe(" ");
    });
    const [hit] = (await find("caracal ", { type: "documents" })).body.documents;
    expect(text.slice(hit.match.start, hit.match.end)).toBe("Caracal");
  });

  it("ranks the best document first, titles weighing, and cuts the snippet from the matching passage", async () => {
    const best = await create(
      "Sturgeon fisheries",
      `${filler("Lake", 40)}\n\nSturgeon stocks, sturgeon quotas and sturgeon caviar dominate this paragraph.`,
    );
    await create("A passing mention", `${filler("River", 20)}\n\nOne sturgeon was seen.`);
    await create("Another", `A sturgeon, once.\n\n${filler("Sea", 20)}`);
    const result = (await find("sturgeon ", { type: "documents" })).body;
    expect(result.documents[0].id).toBe(best.id);
    expect(result.counts.documents).toEqual({ count: 3, isEstimate: false });
    const titled = await create("Beluga migrations", filler("Whale", 10));
    await create("Whales at large", `${filler("Whale", 10)} A beluga too.`);
    const titleFirst = (await find("beluga ", { type: "documents" })).body.documents;
    expect(titleFirst.map((hit: { id: string }) => hit.id)[0]).toBe(titled.id);
    expect(titleFirst[0].titleHtml).toBe("<mark>Beluga</mark> migrations");

    // The word is only in the last passage of a long text: the snippet and the reader's
    // match point there, in code points of the whole text.
    const text = `${filler("Ёлка “quoted”", 60)}\n\n${filler("Plain", 60)}\n\nFinally the narwhal surfaces.`;
    const far = await create("Far away", text);
    expect((await units(far.id)).length).toBeGreaterThan(2);
    const [hit] = (await find("narwhal ", { type: "documents" })).body.documents;
    expect(hit.snippetHtml).toContain("<mark>narwhal</mark>");
    expect(hit.snippetHtml).not.toContain("Ёлка");
    expect(Array.from(text).slice(hit.match.start, hit.match.end).join("")).toBe("narwhal");
  });

  it("finds documents whose words lie in different passages, and honours exclusions across the whole text", async () => {
    const spread = await create("Spread", `Wombat here.\n\n${filler("Gap", 80)}\n\nAnd a platypus there.`);
    const both = await create("Both", "Wombat and platypus together.");
    const excluded = await create("Excluded", `Wombat alone here.\n\n${filler("Gap", 80)}\n\nBut a koala later.`);
    const ids = (body: { documents: Array<{ id: string }> }) => body.documents.map((hit) => hit.id);
    const conjunction = (await find("wombat platypus ", { type: "documents" })).body;
    expect(ids(conjunction)[0]).toBe(both.id);
    expect(ids(conjunction).sort()).toEqual([spread.id, both.id].sort());
    expect(conjunction.counts.documents).toEqual({ count: 2, isEstimate: false });
    const [spreadHit] = conjunction.documents.filter((hit: { id: string }) => hit.id === spread.id);
    expect(spreadHit.snippetHtml).toMatch(/<mark>(Wombat|platypus)<\/mark>/);
    expect(ids((await find("wombat -koala ", { type: "documents" })).body).sort()).toEqual([spread.id, both.id].sort());
    expect(ids((await find("wombat ", { type: "documents" })).body)).toContain(excluded.id);
  });

  it("pages past the ranked candidates without losing or repeating a document, and says the count is an estimate", async () => {
    // More matching passages than the cap: two each in enough documents, written straight
    // to the table (the trigger cuts them into passages as for any write).
    const many = Math.ceil(PASSAGE_CAP / 2) + 20;
    await client.query(
      `INSERT INTO "Document" (id, "workspaceId", title, text, "contentHash", "createdById", "updatedAt")
       SELECT 'cap-' || g, $1, 'Bulk ' || g, $2, md5($2 || g), $3, now() FROM generate_series(1, $4::int) g`,
      [team.workspaceId, `${filler("Ocelot", 40)}\n\n${filler("Ocelot", 40)}`, team.owner.id, many],
    );
    const first = (await find("ocelot ", { type: "documents", limit: "100" })).body;
    // A plain word is counted from the document index: exact below its cap.
    expect(first.counts.documents).toEqual({ count: many, isEstimate: false });
    // A phrase is counted from the ranked passages only: a lower bound, said so.
    const phrase = (await find('"ocelot sentence"', { type: "documents" })).body.counts.documents;
    expect(phrase.isEstimate).toBe(true);
    expect(phrase.count).toBeGreaterThanOrEqual(PASSAGE_CAP / 2);
    expect(phrase.count).toBeLessThan(many);
    const seen: string[] = first.documents.map((hit: { id: string }) => hit.id);
    let cursor = first.nextCursor;
    while (cursor) {
      const next = (await find("ocelot ", { type: "documents", limit: "100", cursor })).body;
      seen.push(...next.documents.map((hit: { id: string }) => hit.id));
      cursor = next.nextCursor;
    }
    expect(seen).toHaveLength(many);
    expect(new Set(seen).size).toBe(many);
  });

  it("never returns hidden annotations to researchers or viewers, and counts only what the caller sees", async () => {
    const document = await create("Annotated", `${filler("Tapir", 5)}\n\nThe tapir crossed the road.`);
    const selectors = describeQuote(`${filler("Tapir", 5)}\n\nThe tapir crossed the road.`, "The tapir crossed")!;
    const made: string[] = [];
    for (const body of ["Tapir comment one", "Tapir comment two", "Tapir comment three"]) {
      const annotation = await call(annotations.POST, {
        method: "POST",
        token: team.researcher.token,
        params: { id: document.id },
        body: { selectors, body },
      });
      expect(annotation.status).toBe(201);
      made.push(annotation.body.id);
    }
    await call(moderation.POST, {
      method: "POST",
      token: team.moderator.token,
      body: { targetType: "annotation", targetId: made[0], action: "hide", reason: "test" },
    });
    for (const token of [team.viewer.token, team.researcher.token]) {
      const result = (await find("tapir comment ", { type: "annotations", limit: "1" }, token)).body;
      expect(result.counts.annotations).toEqual({ count: 2, isEstimate: false });
      const all = (await find("tapir comment ", { type: "annotations" }, token)).body.annotations;
      expect(all.map((hit: { id: string }) => hit.id).sort()).toEqual(made.slice(1).sort());
    }
    const forModerator = (await find("tapir comment ", { type: "annotations" }, team.moderator.token)).body;
    expect(forModerator.counts.annotations).toEqual({ count: 3, isEstimate: false });
  });

  it("pages annotations past the cap, ranked ones first then the rest, never a hidden one for a viewer", async () => {
    const document = await create("Many passages", "Margay notes.\n\nA short text.");
    const many = CANDIDATE_CAP + 100; // more visible ones than the cap, and hidden ones among them
    await client.query(
      `INSERT INTO "Annotation" (id, "workspaceId", "documentId", "creatorId", selectors, start, "end", quote, body, status, "updatedAt")
       SELECT 'margay-' || g, $1, $2, $3, '[]'::jsonb, 0, 6, 'Margay', 'Margay remark ' || g,
              CASE WHEN g % 10 = 0 THEN 'hidden'::"ModerationStatus" ELSE 'visible'::"ModerationStatus" END, now()
       FROM generate_series(1, $4::int) g`,
      [team.workspaceId, document.id, team.researcher.id, many],
    );
    const visible = many - Math.floor(many / 10);
    const pageThrough = async (token: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let counts: { count: number; isEstimate: boolean } | undefined;
      do {
        const body: {
          counts: { annotations: { count: number; isEstimate: boolean } };
          annotations: Array<{ id: string }>;
          nextCursor: string | null;
        } = (await find("margay remark ", { type: "annotations", limit: "100", ...(cursor ? { cursor } : {}) }, token))
          .body;
        counts ??= body.counts.annotations;
        seen.push(...body.annotations.map((hit) => hit.id));
        cursor = body.nextCursor;
      } while (cursor);
      return { seen, counts };
    };
    const forViewer = await pageThrough(team.viewer.token);
    expect(forViewer.counts).toEqual({ count: CANDIDATE_CAP, isEstimate: true });
    expect(new Set(forViewer.seen).size).toBe(visible);
    expect(forViewer.seen).toHaveLength(visible);
    const hidden = await client.query(`SELECT id FROM "Annotation" WHERE id LIKE 'margay-%' AND status = 'hidden'`);
    expect(hidden.rows.length).toBeGreaterThan(0);
    for (const { id } of hidden.rows) expect(forViewer.seen).not.toContain(id);
    expect(new Set((await pageThrough(team.moderator.token)).seen).size).toBe(many);
  });
});

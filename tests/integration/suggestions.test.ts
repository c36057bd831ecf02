import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dismiss from "@/app/api/v1/annotations/[id]/suggestions/dismiss/route";
import * as suggestions from "@/app/api/v1/annotations/[id]/suggestions/route";
import * as selectionSuggestions from "@/app/api/v1/documents/[id]/suggestions/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as revisions from "@/app/api/v1/documents/[id]/text/route";
import * as links from "@/app/api/v1/links/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/boss";
import { call, expectError, makeUser, workspaceWithTeam } from "../support/api";

// Texts written for this test: a river treaty seen from three capitals.
const SOURCE =
  "The upstream state has no plans to build a second dam on the river. Engineers say the first one already holds enough water.";
const AGREES =
  "Officials in the capital insist that a further barrage across the waterway is not on the agenda. Fishermen remain unconvinced.";
const LEXICAL =
  "A second dam on the river would cut the delta's harvest by half. Farmers petitioned the ministry twice last spring.";
const UNRELATED = "The football league opened its season with a draw. Ticket prices rose again this year.";

const ask = (token: string | undefined, annotationId: string, limit = 10) =>
  call(suggestions.GET, {
    token,
    params: { id: annotationId },
    path: `/api/v1/annotations/${annotationId}/suggestions?limit=${limit}`,
  });
const quoteOf = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

describe("suggested links", () => {
  let team: Awaited<ReturnType<typeof workspaceWithTeam>>;
  const ids: Record<string, string> = {};
  let annotationId: string;

  beforeAll(async () => {
    // Imports queue the passage index on the job queue, worked in this process.
    process.env.SUGGESTIONS_INDEX = "on";
    team = await workspaceWithTeam("suggest", "Suggestions");
    for (const [key, text] of Object.entries({ SOURCE, AGREES, LEXICAL, UNRELATED })) {
      const created = await call(documents.POST, {
        method: "POST",
        token: team.owner.token,
        params: { id: team.workspaceId },
        body: { title: key, text },
      });
      expect(created.status).toBe(201);
      ids[key] = created.body.id;
    }
    const created = await call(annotations.POST, {
      method: "POST",
      token: team.researcher.token,
      params: { id: ids.SOURCE! },
      body: { selectors: describeQuote(SOURCE, "has no plans to build a second dam on the river"), body: "" },
    });
    annotationId = created.body.id;
    // The index jobs embed every passage in the worker pool.
    const deadline = Date.now() + 45_000;
    while (
      (await db.passageChunk.groupBy({ by: ["documentId"], where: { workspaceId: team.workspaceId } })).length < 4
    ) {
      if (Date.now() > deadline) throw new Error("The passage index jobs did not run.");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 90_000);

  afterAll(async () => {
    process.env.SUGGESTIONS_INDEX = "off";
    await stopJobQueue(1_000);
  });

  it("indexes every document on the job queue with one embedding per passage", async () => {
    const chunks = await db.passageChunk.findMany({ where: { documentId: ids.AGREES! }, orderBy: { start: "asc" } });
    expect(chunks.map((chunk) => quoteOf(AGREES, chunk.start, chunk.end))).toEqual([
      "Officials in the capital insist that a further barrage across the waterway is not on the agenda.",
      "Fishermen remain unconvinced.",
    ]);
    expect(chunks.every((chunk) => chunk.embedding.byteLength === 512 * 4)).toBe(true);
  });

  it("finds the paraphrase and the shared words in other documents, never in the annotation's own", async () => {
    const result = await ask(team.viewer.token, annotationId);
    expect(result.status).toBe(200);
    const items = result.body.items as Array<
      Record<string, unknown> & { documentId: string; start: number; end: number }
    >;
    expect(items.every((item) => item.documentId !== ids.SOURCE)).toBe(true);
    const top = items.slice(0, 2).map((item) => item.documentId);
    expect(top.sort()).toEqual([ids.AGREES, ids.LEXICAL].sort());
    for (const item of items) {
      const text = { [ids.AGREES!]: AGREES, [ids.LEXICAL!]: LEXICAL, [ids.UNRELATED!]: UNRELATED }[item.documentId]!;
      expect(quoteOf(text, item.start, item.end)).toBe(item.quote);
    }
    const paraphrase = items.find((item) => item.documentId === ids.AGREES)!;
    expect(paraphrase.reason).toMatch(/similar meaning/);
    const lexical = items.find((item) => item.documentId === ids.LEXICAL)!;
    expect(lexical.reason).toMatch(/shared terms: .*dam/);
    expect(items.some((item) => item.documentId === ids.UNRELATED && (item.score as number) > 0.5)).toBe(false);
    expect((await ask(team.viewer.token, annotationId, 1)).body.items).toHaveLength(1);
  });

  it("suggests for a fresh selection before it is annotated, to readers of the document only", async () => {
    const selected = describeQuote(SOURCE, "has no plans to build a second dam on the river");
    const position = selected!.find((selector) => selector.type === "TextPositionSelector") as {
      start: number;
      end: number;
    };
    const askSelection = (token: string | undefined, query: string) =>
      call(selectionSuggestions.GET, {
        token,
        params: { id: ids.SOURCE! },
        path: `/api/v1/documents/${ids.SOURCE}/suggestions?${query}`,
      });
    const result = await askSelection(team.viewer.token, `start=${position.start}&end=${position.end}&limit=5`);
    expect(result.status).toBe(200);
    const items = result.body.items as Array<{ documentId: string; reason: string }>;
    expect(items.every((item) => item.documentId !== ids.SOURCE)).toBe(true);
    expect(
      items
        .slice(0, 2)
        .map((item) => item.documentId)
        .sort(),
    ).toEqual([ids.AGREES, ids.LEXICAL].sort());
    expectError(await askSelection(team.outsider.token, `start=${position.start}&end=${position.end}`), 404);
    expectError(await askSelection(undefined, `start=${position.start}&end=${position.end}`), 404);
    expectError(await askSelection(team.viewer.token, "start=5&end=5"), 400);
    expectError(await askSelection(team.viewer.token, "start=0&end=99999"), 400);
    expectError(await askSelection(team.viewer.token, "start=0&end=2500"), 400);
  });

  it("hides a dismissed passage for that annotation and leaves out passages already linked", async () => {
    const [first] = (await ask(team.researcher.token, annotationId)).body.items;
    const range = { documentId: first.documentId, start: first.start, end: first.end };
    expectError(
      await call(dismiss.POST, { method: "POST", token: team.viewer.token, params: { id: annotationId }, body: range }),
      403,
    );
    const dismissed = await call(dismiss.POST, {
      method: "POST",
      token: team.researcher.token,
      params: { id: annotationId },
      body: range,
    });
    expect(dismissed.status).toBe(204);
    const after = (await ask(team.researcher.token, annotationId)).body.items;
    expect(after.some((item: typeof range) => item.documentId === range.documentId && item.start === range.start)).toBe(
      false,
    );

    const [next] = after;
    const text = next.documentId === ids.AGREES ? AGREES : LEXICAL;
    const target = await call(annotations.POST, {
      method: "POST",
      token: team.researcher.token,
      params: { id: next.documentId },
      body: { selectors: describeQuote(text, next.quote.slice(0, 40)), body: "" },
    });
    const linked = await call(links.POST, {
      method: "POST",
      token: team.researcher.token,
      body: { fromAnnotationId: annotationId, toAnnotationId: target.body.id, relation: "agrees" },
    });
    expect(linked.status).toBe(201);
    const remaining = (await ask(team.researcher.token, annotationId)).body.items;
    expect(
      remaining.some((item: typeof range) => item.documentId === next.documentId && item.start === next.start),
    ).toBe(false);
  });

  it("re-indexes a revised document, and suggests nothing from a deleted one", async () => {
    const revised = await call(revisions.PUT, {
      method: "PUT",
      token: team.owner.token,
      params: { id: ids.UNRELATED! },
      body: { version: 1, text: `Nobody intends to build a second dam on the river. ${UNRELATED}` },
    });
    expect(revised.status).toBe(200);
    const deadline = Date.now() + 30_000;
    while (!(await db.passageChunk.findFirst({ where: { documentId: ids.UNRELATED!, documentVersion: 2 } }))) {
      if (Date.now() > deadline) throw new Error("The revision was not re-indexed.");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await db.passageChunk.count({ where: { documentId: ids.UNRELATED!, documentVersion: 1 } })).toBe(0);
    // The ranker is rebuilt in the background; meanwhile the previous one answers without the
    // revised document, so no offset ever points into its old text.
    const revisedText = `Nobody intends to build a second dam on the river. ${UNRELATED}`;
    for (const waitUntil = Date.now() + 20_000; ;) {
      const items = (await ask(team.owner.token, annotationId)).body.items as Array<{
        documentId: string;
        start: number;
        end: number;
        quote: string;
      }>;
      const fromRevised = items.filter((item) => item.documentId === ids.UNRELATED);
      for (const item of fromRevised) expect(quoteOf(revisedText, item.start, item.end)).toBe(item.quote);
      if (fromRevised.some((item) => item.start === 0)) break;
      if (Date.now() > waitUntil) throw new Error("The revised document was not suggested after its re-index.");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    await db.document.update({ where: { id: ids.UNRELATED! }, data: { deletedAt: new Date() } });
    const without = (await ask(team.owner.token, annotationId)).body.items;
    expect(without.some((item: { documentId: string }) => item.documentId === ids.UNRELATED)).toBe(false);
  });

  it("answers only those who may see the annotation: never another workspace, hidden and pending ones by rule", async () => {
    expectError(await ask(team.outsider.token, annotationId), 404);
    expectError(await ask(undefined, annotationId), 404);
    const stranger = await makeUser("suggest-stranger");
    expectError(await ask(stranger.token, annotationId), 404);
    for (const status of ["hidden", "pending"] as const) {
      await db.annotation.update({ where: { id: annotationId }, data: { status } });
      expectError(await ask(team.viewer.token, annotationId), 404);
      expect((await ask(team.moderator.token, annotationId)).status).toBe(200);
      expect((await ask(team.researcher.token, annotationId)).status).toBe(status === "pending" ? 200 : 404);
    }
    await db.annotation.update({ where: { id: annotationId }, data: { status: "visible" } });
  });

  it("refuses a bad limit and an empty or foreign passage to dismiss", async () => {
    expectError(await ask(team.viewer.token, annotationId, 0), 400);
    const post = (body: unknown) =>
      call(dismiss.POST, { method: "POST", token: team.researcher.token, params: { id: annotationId }, body });
    expectError(await post({ documentId: ids.AGREES, start: 5, end: 5 }), 400);
    expectError(await post({ documentId: "nope", start: 0, end: 5 }), 404);
    expectError(await post({ documentId: ids.AGREES, start: -1, end: 5 }), 400);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as hypothesis from "@/app/api/v1/workspaces/[id]/imports/hypothesis/route";
import { db } from "@/lib/db";
import { call, expectError, workspaceWithTeam } from "../support/api";

// Our own texts (not the corpus) and an export built in Hypothesis's documented format.
const LANTERNS = [
  "Lanterns of the Night Market",
  "Every stall on the quay hangs a paper lantern after the fishing boats come in. The lantern makers' guild sets the colours each spring, and nobody may hang a blue one before the first storm.",
  "Visitors often mistake the lanterns for decoration. In fact each colour tells the boats which berth is free, and the harbour master reads them from the tower at dusk.",
].join("\n\n");
const TIDES =
  "Tide tables for the harbour are kept by the pilots. Since the old lighthouse burned, the pilots have also rung the bell at high water.\n\nThe bell can be heard across the estuary on a still night.";
const ORCHARD =
  "The Orchard Rows\n\nLong ago the orchard was planted in rows of seven so that a cart could pass between the trees.";

const exportFile = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../fixtures/hypothesis/export.json"), "utf8"),
) as { annotations: { id: string }[] };

describe("Hypothesis import", () => {
  it("anchors annotations on matching documents, keeps others as web sources, threads replies, and reports", async () => {
    const { owner, researcher, viewer, workspaceId } = await workspaceWithTeam("hyp", "Hypothesis import");
    const addDocument = (title: string, text: string, sourceUrl: string) =>
      call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title, text, sourceUrl },
      });
    const lanterns = (await addDocument("Lanterns", LANTERNS, "https://example.org/essays/lanterns")).body;
    const tides = (await addDocument("Tides", TIDES, "http://example.net/tides")).body;
    const importAs = (token: string, body: unknown = exportFile) =>
      call(hypothesis.POST, { method: "POST", token, params: { id: workspaceId }, body });

    expectError(await importAs(viewer.token), 403);
    const first = await importAs(researcher.token);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      annotations: 13,
      anchored: 3,
      moved: 1,
      orphaned: 1,
      webSources: 1,
      replies: 4,
      alreadyImported: 0,
    });
    const reasons = new Map(
      (first.body.unplaced as { hypothesisId: string | null; reason: string }[]).map((item) => [
        item.hypothesisId,
        item.reason,
      ]),
    );
    expect([...reasons.keys()].sort()).toEqual(
      ["hA4orphan0000004", "hA5pagenote00005", "hBadItem00000013", "hXorphanreply012"].sort(),
    );
    expect(reasons.get("hA4orphan0000004")).toMatch(/not found in “Lanterns”/);
    expect(reasons.get("hA5pagenote00005")).toMatch(/page note/);
    expect(reasons.get("hXorphanreply012")).toMatch(/reply to an annotation/);
    expect(reasons.get("hBadItem00000013")).toMatch(/not a Hypothesis annotation/);

    const byHypothesisId = async (id: string) =>
      db.annotation.findFirstOrThrow({ where: { workspaceId, importedFrom: { path: ["hypothesisId"], equals: id } } });
    const codePoints = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

    // Anchored by quote and context, though the page's offsets (TextPosition) were different.
    const colours = await byHypothesisId("hA1anchored000001");
    expect(colours).toMatchObject({
      documentId: lanterns.id,
      anchorStatus: "anchored",
      quote: "sets the colours each spring",
      tags: ["guild", "colour"],
      creatorId: researcher.id,
      body: "The guild decides, not the city.",
    });
    expect(codePoints(LANTERNS, colours.start, colours.end)).toBe("sets the colours each spring");
    expect(colours.importedFrom).toMatchObject({
      author: "Ada Quill",
      createdAt: "2021-03-04T10:00:00.000000+00:00",
      source: "Hypothesis",
      hypothesisId: "hA1anchored000001",
    });
    expect(colours.createdAt.getUTCFullYear()).toBeGreaterThanOrEqual(2026);
    // The page's line breaks inside a quote are not a difference of text.
    const signals = await byHypothesisId("hA2whitespace0002");
    expect(signals.anchorStatus).toBe("anchored");
    expect(codePoints(LANTERNS, signals.start, signals.end)).toBe(
      "In fact each colour tells the boats which berth is free",
    );
    // A quote with two letters different: found near its context, moved (honestly not "anchored").
    const tower = await byHypothesisId("hA3moved00000003");
    expect(tower.anchorStatus).toBe("moved");
    expect(codePoints(LANTERNS, tower.start, tower.end)).toContain("reads them from the tower");
    const gone = await byHypothesisId("hA4orphan0000004");
    expect(gone).toMatchObject({ anchorStatus: "orphaned", documentId: lanterns.id });

    // The reply chain: a thread in the same shape, stance unknown, provenance kept.
    const bell = await byHypothesisId("hB1tides00000006");
    expect(bell).toMatchObject({ documentId: tides.id, anchorStatus: "anchored", tags: ["bells", "pilots"] });
    const replies = await db.reply.findMany({ where: { annotationId: bell.id }, orderBy: { sequence: "asc" } });
    expect(replies.map((reply) => reply.body)).toEqual([
      "Since the fire, the records say.",
      "Which records? **Source**, please.",
      "The harbour office ledger, 1911.",
    ]);
    expect(replies.map((reply) => reply.stance)).toEqual(["unknown", "unknown", "unknown"]);
    expect(replies.map((reply) => reply.parentId)).toEqual([null, replies[0]!.id, replies[1]!.id]);
    expect(replies.every((reply) => reply.authorId === researcher.id)).toBe(true);
    expect(replies[1]!.importedFrom).toMatchObject({
      author: "Cy Moss",
      createdAt: "2022-07-03T12:00:00.000000+00:00",
    });
    expect(replies[1]!.bodyHtml).toContain("<strong>Source</strong>");

    // The unknown page: a web source, by its clean address, with its annotation and reply.
    const orchard = await byHypothesisId("hU1unknown000010");
    const source = await db.document.findUniqueOrThrow({ where: { id: orchard.documentId } });
    expect(source).toMatchObject({ kind: "webSource", sourceUrl: "https://example.com/unknown-page" });
    expect(orchard).toMatchObject({ quote: "the orchard was planted in rows of seven", tags: ["orchard"] });
    expect(await db.reply.count({ where: { annotationId: orchard.id, stance: "unknown" } })).toBe(1);

    // Importing the same export again adds nothing.
    const counts = async () => ({
      annotations: await db.annotation.count({ where: { workspaceId } }),
      replies: await db.reply.count({ where: { workspaceId } }),
    });
    const before = await counts();
    expect(before).toEqual({ annotations: 6, replies: 4 });
    const again = await importAs(owner.token);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      anchored: 0,
      moved: 0,
      orphaned: 0,
      webSources: 0,
      replies: 0,
      alreadyImported: 10,
    });
    expect(await counts()).toEqual(before);

    // Importing the page later brings its web-source annotation onto the document.
    const page = (await addDocument("Orchard", ORCHARD, "https://example.com/unknown-page")).body;
    const attached = await db.annotation.findUniqueOrThrow({ where: { id: orchard.id } });
    expect(attached).toMatchObject({ documentId: page.id, anchorStatus: "anchored" });
    expect(codePoints(ORCHARD, attached.start, attached.end)).toBe("the orchard was planted in rows of seven");
  });

  it("refuses what is not an export with a clear 4xx", async () => {
    const { owner, workspaceId } = await workspaceWithTeam("hyp-bad", "Hypothesis bad input");
    const send = (body: unknown) =>
      call(hypothesis.POST, { method: "POST", token: owner.token, params: { id: workspaceId }, body });
    expectError(await send({ something: "else" }), 400);
    expectError(await send({ annotations: "not a list" }), 400);
    const nothing = await send({ annotations: [{ id: "x" }, { text: "no id" }] });
    expectError(nothing, 422);
    expectError(await send({ annotations: Array.from({ length: 20_001 }, () => ({})) }), 400);
    const raw = await call(hypothesis.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      rawBody: "{ not json",
      headers: { "content-type": "application/json" },
    });
    expectError(raw, 400);
    const empty = await send({ annotations: [] });
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ annotations: 0, anchored: 0, unplaced: [] });
  });
});

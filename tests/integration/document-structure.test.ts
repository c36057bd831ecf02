import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import { db } from "@/lib/db";
import { call, makeUser } from "../support/api";
import { upload } from "../support/import-checks";

type Block = { type: string; level?: number; start: number; end: number; page?: number };
const slice = (text: string, block: Block) => Array.from(text).slice(block.start, block.end).join("");

async function setup() {
  const owner = await makeUser("structure-owner");
  const workspace = (await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Structure" } }))
    .body as { id: string };
  return { token: owner.token, workspaceId: workspace.id };
}

describe("document structure", () => {
  it("imports a PDF with its blocks, pages and title-page metadata, served by GET /documents/{id}", async () => {
    const { token, workspaceId } = await setup();
    const bytes = new Uint8Array(
      readFileSync(path.resolve(import.meta.dirname, "../fixtures/pdf/chromium-river-report.pdf")),
    );
    const created = await upload(token, workspaceId, { name: "river.pdf", type: "application/pdf", bytes });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Rivers Without Borders",
      authors: ["Mara Ellison"],
      publishedAt: "2024-03-14T00:00:00.000Z",
      publishedPrecision: "day",
    });
    const fetched = await call(document.GET, { token, params: { id: created.body.id } });
    const { text, blocks, pageCount } = fetched.body as { text: string; blocks: Block[]; pageCount: number };
    expect(pageCount).toBe(2);
    expect(blocks[0]).toEqual({ type: "heading", level: 1, start: 0, end: 22, page: 1 });
    expect(
      slice(
        text,
        blocks.find((block) => block.page === 2)!,
      ),
    ).toBe("Counting Together");
    expect(blocks.filter((block) => block.type === "footnote")).toHaveLength(1);
    expect(text).toContain("面");
  });

  it("computes plain-text blocks on import and again for a new text revision", async () => {
    const { token, workspaceId } = await setup();
    const first = "Harbour Notes\n\nThe tide tables disagree, as they always have, about the east wind.";
    const created = await call(documents.POST, {
      method: "POST",
      token,
      params: { id: workspaceId },
      body: { text: first },
    });
    expect(created.status).toBe(201);
    const before = (await call(document.GET, { token, params: { id: created.body.id } })).body;
    expect(before.pageCount).toBeNull();
    expect(before.blocks).toEqual([
      { type: "heading", level: 1, start: 0, end: 13 },
      { type: "paragraph", start: 15, end: 15 + 67 },
    ]);

    const revised = `${first}\n\nThe Stone Mark\n\nA groove in the harbour wall that every tide is measured against.`;
    const put = await call(documentText.PUT, {
      method: "PUT",
      token,
      params: { id: created.body.id },
      body: { text: revised, version: 1 },
    });
    expect(put.status).toBe(200);
    const after = (await call(document.GET, { token, params: { id: created.body.id } })).body;
    expect(after.version).toBe(2);
    expect(after.blocks.map((block: Block) => [block.type, block.level ?? null, slice(after.text, block)])).toEqual([
      ["heading", 1, "Harbour Notes"],
      ["paragraph", null, "The tide tables disagree, as they always have, about the east wind."],
      ["heading", 2, "The Stone Mark"],
      ["paragraph", null, "A groove in the harbour wall that every tide is measured against."],
    ]);
    const revisions = await db.documentRevision.findMany({
      where: { documentId: created.body.id },
      orderBy: { version: "asc" },
      select: { blocks: true },
    });
    expect(revisions.map((revision) => (revision.blocks as Block[]).length)).toEqual([2, 4]);
  });

  it("reads a revision stored before structure existed as paragraphs", async () => {
    const { token, workspaceId } = await setup();
    const html =
      "<html><body><h1>Old</h1><p>An older page imported before blocks were stored, with a paragraph.</p></body></html>";
    const created = await call(documents.POST, { method: "POST", token, params: { id: workspaceId }, body: { html } });
    expect(created.body).toMatchObject({ sourceFormat: "html" });
    const fresh = (await call(document.GET, { token, params: { id: created.body.id } })).body;
    expect(fresh.blocks.map((block: Block) => block.type)).toEqual(["heading", "paragraph"]);
    await db.$executeRaw`UPDATE "DocumentRevision" SET "blocks" = NULL WHERE "documentId" = ${created.body.id}`;
    const legacy = (await call(document.GET, { token, params: { id: created.body.id } })).body;
    expect(legacy.blocks.map((block: Block) => [block.type, slice(legacy.text, block)])).toEqual([
      ["paragraph", "Old"],
      ["paragraph", "An older page imported before blocks were stored, with a paragraph."],
    ]);
  });
});

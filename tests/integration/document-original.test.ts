import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import * as original from "@/app/api/v1/documents/[id]/original/route";
import { db } from "@/lib/db";
import { addMemberByInvitation, call, makeUser } from "../support/api";
import { upload } from "../support/import-checks";

const PDF = new Uint8Array(
  readFileSync(path.resolve(import.meta.dirname, "../fixtures/pdf/chromium-river-report.pdf")),
);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function setup() {
  const owner = await makeUser("original-owner");
  const workspace = (await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Originals" } }))
    .body as { id: string };
  return { owner, token: owner.token, workspaceId: workspace.id };
}

// The raw response (call() decodes bodies as text).
async function fetchOriginal(token: string | undefined, id: string, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost/api/test", {
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return original.GET(request, { params: Promise.resolve({ id }) });
}

describe("the original file", () => {
  it("keeps an uploaded PDF byte for byte and serves it as a safe download with an ETag", async () => {
    const { token, workspaceId } = await setup();
    const created = await upload(token, workspaceId, {
      name: "../reports/river \u202ereport\u0007.pdf",
      type: "application/pdf",
      bytes: PDF,
    });
    expect(created.status).toBe(201);
    const response = await fetchOriginal(token, created.body.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("etag")).toBe(`"${sha256(PDF)}"`);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="river report.pdf"; filename*=UTF-8''river%20report.pdf`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);

    const again = await fetchOriginal(token, created.body.id, { "if-none-match": `"${sha256(PDF)}"` });
    expect(again.status).toBe(304);

    const row = await db.documentOriginal.findFirstOrThrow({ where: { revision: { documentId: created.body.id } } });
    expect(row).toMatchObject({ mediaType: "application/pdf", size: PDF.byteLength, sha256: sha256(PDF) });
  });

  it("answers by the format read, not the type claimed, and escapes non-ASCII names", async () => {
    const { token, workspaceId } = await setup();
    const bytes = new TextEncoder().encode("# Заметки\n\nThe harbour wall holds.");
    const created = await upload(token, workspaceId, { name: "заметки.md", type: "application/pdf", bytes });
    expect(created.status).toBe(201);
    const response = await fetchOriginal(token, created.body.id);
    expect(response.headers.get("content-type")).toBe("text/markdown");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="_______.md"; filename*=UTF-8''${encodeURIComponent("заметки.md")}`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it("is 404 for pasted text, for a revision pasted after an upload, and for those who may not read", async () => {
    const { owner, token, workspaceId } = await setup();
    const pasted = await call(documents.POST, {
      method: "POST",
      token,
      params: { id: workspaceId },
      body: { text: "Pasted, not uploaded." },
    });
    expect((await fetchOriginal(token, pasted.body.id)).status).toBe(404);

    const uploaded = await upload(token, workspaceId, { name: "river.pdf", type: "application/pdf", bytes: PDF });
    const viewer = await makeUser("original-viewer");
    await addMemberByInvitation(owner.token, workspaceId, viewer, "viewer");
    expect((await fetchOriginal(viewer.token, uploaded.body.id)).status).toBe(200);
    const outsider = await makeUser("original-outsider");
    expect((await fetchOriginal(outsider.token, uploaded.body.id)).status).toBe(404);
    expect((await fetchOriginal(undefined, uploaded.body.id)).status).toBe(404);

    const revised = await call(documentText.PUT, {
      method: "PUT",
      token,
      params: { id: uploaded.body.id },
      body: { text: "A new text, pasted.", version: 1 },
    });
    expect(revised.status).toBe(200);
    expect((await fetchOriginal(token, uploaded.body.id)).status).toBe(404);
  });

  it("keeps the file of a revision uploaded as a file", async () => {
    const { token, workspaceId } = await setup();
    const pasted = await call(documents.POST, {
      method: "POST",
      token,
      params: { id: workspaceId },
      body: { text: "First, pasted." },
    });
    const form = new FormData();
    form.set("file", new File([PDF], "river.pdf", { type: "application/pdf" }));
    form.set("version", "1");
    const revised = await call(documentText.PUT, { method: "PUT", token, params: { id: pasted.body.id }, form });
    expect(revised.status).toBe(200);
    const response = await fetchOriginal(token, pasted.body.id);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
  });
});

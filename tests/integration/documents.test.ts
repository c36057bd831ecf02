import { describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import { normalizeText } from "@/lib/documents/import/normalize-text";
import { db } from "@/lib/db";
import { generateLongText } from "../fixtures/long-text";
import {
  AXIS_TITLE,
  CJK_TERM,
  CYRILLIC_TERM,
  FIXTURES,
  JAPANESE_TERM,
  readFixture,
  TITLE_PAGE,
  type FixtureName,
} from "../fixtures/texts";
import { addMemberByInvitation, call, expectError, makeUser } from "../support/api";
import { expectHtmlImport, expectPdfAndDocxImports, upload } from "../support/import-checks";
import { multipart } from "../support/fixtures";

async function setup() {
  const owner = await makeUser("doc-owner");
  const viewer = await makeUser("doc-viewer");
  const outsider = await makeUser("doc-outsider");
  const workspace = (await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Imports" } }))
    .body as { id: string };
  await addMemberByInvitation(owner.token, workspace.id, viewer, "viewer");
  return { owner, viewer, outsider, workspaceId: workspace.id };
}

const encode = (text: string) => new TextEncoder().encode(text);

describe("document import", () => {
  it("imports every fixture text as JSON text with its Unicode intact", async () => {
    const { owner, workspaceId } = await setup();
    const texts: Array<[string, string]> = [
      ...(Object.keys(FIXTURES) as FixtureName[]).map((name): [string, string] => [name, readFixture(name)]),
      ["long", generateLongText()],
    ];
    for (const [name, text] of texts) {
      const created = await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title: name, text, authors: ["Test Author"] },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ title: name, version: 1, authors: ["Test Author"], sourceFormat: "text" });
      const fetched = await call(document.GET, { token: owner.token, params: { id: created.body.id } });
      expect(fetched.body.text).toBe(normalizeText(text));
      expect(fetched.body.length).toBe(Array.from(fetched.body.text).length);
    }
    const report = await db.document.findFirstOrThrow({ where: { workspaceId, title: "titlePage" } });
    expect(report.text).toBe(readFixture("titlePage").trimEnd());
    for (const term of [CJK_TERM, JAPANESE_TERM, CYRILLIC_TERM, "“", "”", "‘", "’", "—", "–"])
      expect(report.text).toContain(term);
    const listed = await call(documents.GET, { token: owner.token, params: { id: workspaceId } });
    expect(listed.body.items).toHaveLength(texts.length);
  });

  it("uploads .txt and .md files, detecting title, byline and date, else using the file name", async () => {
    const { owner, workspaceId } = await setup();
    const txt = await upload(owner.token, workspaceId, {
      name: FIXTURES.titlePage,
      type: "text/plain",
      bytes: encode(readFixture("titlePage")),
    });
    expect(txt.status).toBe(201);
    expect(txt.body).toMatchObject({
      title: TITLE_PAGE.title,
      authors: TITLE_PAGE.authors,
      publishedAt: TITLE_PAGE.publishedAt.toISOString(),
    });
    const untitled = await upload(owner.token, workspaceId, {
      name: "workshop-2024-northern-sea-route.txt",
      type: "text/plain",
      bytes: encode(readFixture("notes")),
    });
    expect(untitled.body.title).toBe("Workshop 2024 northern sea route");
    const md = await upload(owner.token, workspaceId, {
      name: "notes.md",
      type: "text/markdown",
      bytes: encode(
        "# Axis or alignment?\n\nA **first** paragraph with [a link](https://example.org).\n\n- item one\n- item “two”\n",
      ),
    });
    expect(md.status).toBe(201);
    expect(md.body).toMatchObject({ title: "Axis or alignment?", sourceFormat: "markdown" });
    const text = (await call(document.GET, { token: owner.token, params: { id: md.body.id } })).body.text;
    expect(text).toBe("Axis or alignment?\n\nA first paragraph with a link.\n\nitem one\n\nitem “two”");
  });

  it("extracts an HTML page's main content and metadata, dropping scripts and styles", async () => {
    const { owner, workspaceId } = await setup();
    await expectHtmlImport({
      token: owner.token,
      workspaceId,
      text: readFixture("alliance"),
      title: "Partners Without a Treaty",
      author: "Ivo Marin",
      slug: "partners",
    });
  });

  it("reads the text layer and metadata of a PDF and the paragraphs of a .docx", async () => {
    const { owner, workspaceId } = await setup();
    const docxText = await expectPdfAndDocxImports({
      token: owner.token,
      workspaceId,
      pdf: { text: readFixture("axis"), title: AXIS_TITLE, author: "Ada Novak", fileName: "axis.pdf" },
      docx: {
        text: readFixture("titlePage"),
        heading: "Energy, Arms and Ambiguity",
        author: "Mara Ellison",
        fileName: "energy.docx",
      },
    });
    expect(docxText).toContain(CJK_TERM);
    expect(docxText).toContain(CYRILLIC_TERM);
  });

  it("refuses unsupported, damaged, empty and oversized uploads clearly, storing nothing", async () => {
    const { owner, workspaceId } = await setup();
    expectError(
      await upload(owner.token, workspaceId, {
        name: "tool.exe",
        type: "application/octet-stream",
        bytes: encode("MZ"),
      }),
      415,
    );
    expectError(
      await upload(owner.token, workspaceId, {
        name: "broken.pdf",
        type: "application/pdf",
        bytes: encode("%PDF-1.7 garbage"),
      }),
      422,
    );
    expectError(
      await upload(owner.token, workspaceId, {
        name: "fake.docx",
        type: "application/octet-stream",
        bytes: encode("not a zip"),
      }),
      422,
    );
    expectError(
      await upload(owner.token, workspaceId, { name: "empty.txt", type: "text/plain", bytes: encode("  \n\n ") }),
      422,
    );
    expectError(
      await upload(owner.token, workspaceId, {
        name: "huge.txt",
        type: "text/plain",
        bytes: new Uint8Array(11 * 1024 * 1024).fill(97),
      }),
      413,
    );
    expectError(
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title: "Both", text: "a", html: "<p>b</p>" },
      }),
      400,
    );
    expectError(
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        form: multipart({ title: "No file" }),
      }),
      400,
    );
    expectError(
      await upload(
        owner.token,
        workspaceId,
        { name: "a.txt", type: "text/plain", bytes: encode("text") },
        { sourceUrl: "javascript:alert(1)" },
      ),
      400,
    );
    expect(await db.document.count({ where: { workspaceId } })).toBe(0);
  });

  it("lets viewers read but not import, and hides private documents from outsiders", async () => {
    const { owner, viewer, outsider, workspaceId } = await setup();
    const created = await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title: "Private", text: "Some private text." },
    });
    expectError(
      await call(documents.POST, {
        method: "POST",
        token: viewer.token,
        params: { id: workspaceId },
        body: { title: "Nope", text: "x" },
      }),
      403,
    );
    expect((await call(document.GET, { token: viewer.token, params: { id: created.body.id } })).status).toBe(200);
    expectError(await call(document.GET, { token: outsider.token, params: { id: created.body.id } }), 404);
    expectError(await call(document.GET, { params: { id: created.body.id } }), 404);
    expectError(await call(documents.GET, { token: outsider.token, params: { id: workspaceId } }), 404);
    expectError(
      await call(documentText.PUT, {
        method: "PUT",
        token: viewer.token,
        params: { id: created.body.id },
        body: { text: "New", version: 1 },
      }),
      403,
    );
  });

  it("edits metadata with a version check (details have their own; the text's version stays)", async () => {
    const { owner, workspaceId } = await setup();
    const created = await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { text: "An untitled note.\nSecond line." },
    });
    expect(created.body.title).toBe("An untitled note.");
    const updated = await call(document.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: created.body.id },
      body: { title: "Renamed", authors: ["A. Writer"], publishedAt: "2024-05-01", metadataVersion: 1 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      title: "Renamed",
      authors: ["A. Writer"],
      version: 1,
      metadataVersion: 2,
      publishedAt: "2024-05-01T00:00:00.000Z",
    });
    expectError(
      await call(document.PATCH, {
        method: "PATCH",
        token: owner.token,
        params: { id: created.body.id },
        body: { title: "Stale", metadataVersion: 1 },
      }),
      409,
    );
  });
});

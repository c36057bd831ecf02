import { describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import { normalizeText } from "@/lib/documents/import/normalize-text";
import { db } from "@/lib/db";
import { CORPUS_FILES, readCorpus } from "../support/corpus";
import { call, makeUser } from "../support/api";
import { expectHtmlImport, expectPdfAndDocxImports, upload } from "../support/import-checks";

// Import of the real commentaries of the shared corpus: every character kept,
// title pages read, their paragraphs carried through HTML, PDF and .docx.
async function setup() {
  const owner = await makeUser("corpus-owner");
  const workspace = (
    await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Corpus imports" } })
  ).body as { id: string };
  return { owner, workspaceId: workspace.id };
}

const encode = (text: string) => new TextEncoder().encode(text);

describe("corpus import", () => {
  it("imports every corpus file as JSON text with its Unicode intact, character for character", async () => {
    const { owner, workspaceId } = await setup();
    for (const name of CORPUS_FILES) {
      const text = readCorpus(name);
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
    const kowalewski = await db.document.findFirstOrThrow({
      where: { workspaceId, title: { startsWith: "kowalewski" } },
    });
    expect(kowalewski.text).toContain("全面战略协作伙伴关系");
    expect(kowalewski.text).toMatch(/[“”’—]/);
    const listed = await call(documents.GET, { token: owner.token, params: { id: workspaceId } });
    expect(listed.body.items).toHaveLength(4);
  });

  it("uploads .txt files, reading Kowalewski's title page, else titling by the file name", async () => {
    const { owner, workspaceId } = await setup();
    const txt = await upload(owner.token, workspaceId, {
      name: "kowalewski-2018-countering-encirclement.txt",
      type: "text/plain",
      bytes: encode(readCorpus("kowalewski-2018-countering-encirclement.txt")),
    });
    expect(txt.status).toBe(201);
    expect(txt.body).toMatchObject({
      title: "Chinese-Russian Defense and Security Ties: Countering US Encirclement",
      authors: ["Annie Kowalewski"],
      publishedAt: "2018-06-04T00:00:00.000Z",
    });
    const untitled = await upload(owner.token, workspaceId, {
      name: "forum-2022-alliance-tightening.txt",
      type: "text/plain",
      bytes: encode(readCorpus("forum-2022-alliance-tightening.txt")),
    });
    expect(untitled.body.title).toBe("Forum 2022 alliance tightening");
  });

  it("extracts an HTML page's main content and metadata, dropping scripts and styles", async () => {
    const { owner, workspaceId } = await setup();
    await expectHtmlImport({
      token: owner.token,
      workspaceId,
      text: readCorpus("istomin-2021-avoiding-an-alliance.txt"),
      title: "Deepening Cooperation",
      author: "Igor Istomin",
      slug: "istomin",
    });
  });

  it("reads the text layer and metadata of a PDF and the paragraphs of a .docx", async () => {
    const { owner, workspaceId } = await setup();
    await expectPdfAndDocxImports({
      token: owner.token,
      workspaceId,
      pdf: {
        text: readCorpus("lin-2023-axis-takes-shape.txt"),
        title: "The China-Russia Axis Takes Shape",
        author: "Bonny Lin",
        fileName: "lin.pdf",
      },
      docx: {
        text: readCorpus("kowalewski-2018-countering-encirclement.txt"),
        heading: "Countering US Encirclement",
        author: "Annie Kowalewski",
        fileName: "kowalewski.docx",
      },
    });
  });
});

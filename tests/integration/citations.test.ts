import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as annotation from "@/app/api/v1/annotations/[id]/route";
import * as thread from "@/app/api/v1/annotations/[id]/thread/route";
import * as documentExport from "@/app/api/v1/documents/[id]/export/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { call, makeUser } from "../support/api";
import { upload } from "../support/import-checks";
import { WEB_ANNOTATION_SCHEMA } from "../support/web-annotation-schema";

type Block = { type: string; level?: number; start: number; end: number; page?: number };
const slice = (text: string, block: Block) => Array.from(text).slice(block.start, block.end).join("");

async function setup() {
  const owner = await makeUser("cite-owner");
  const workspace = (await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Citations" } }))
    .body as { id: string };
  return { token: owner.token, workspaceId: workspace.id };
}

const annotate = (token: string, documentId: string, text: string, quote: string) =>
  call(annotations.POST, {
    method: "POST",
    token,
    params: { id: documentId },
    body: { selectors: describeQuote(text, quote)!, body: "A note." },
  });

describe("page-true citations", () => {
  it("gives an annotation on a PDF its page, cites it in reports and refines the W3C target with the page", async () => {
    const { token, workspaceId } = await setup();
    const bytes = new Uint8Array(
      readFileSync(path.resolve(import.meta.dirname, "../fixtures/pdf/chromium-river-report.pdf")),
    );
    const created = await upload(token, workspaceId, { name: "river.pdf", type: "application/pdf", bytes });
    expect(created.status).toBe(201);
    const documentId = created.body.id as string;
    const { text, blocks } = (await call(document.GET, { token, params: { id: documentId } })).body as {
      text: string;
      blocks: Block[];
    };
    const onPage = (page: number) =>
      slice(
        text,
        blocks.find((block) => block.page === page && block.type === "paragraph")!,
      ).slice(0, 30);
    const first = await annotate(token, documentId, text, onPage(1));
    const second = await annotate(token, documentId, text, onPage(2));
    expect(first.status).toBe(201);
    expect(first.body.page).toBe(1);
    expect(second.body.page).toBe(2);
    expect(second.body.section).toContain("Counting Together");

    // Every path that presents an annotation carries it.
    expect((await call(annotation.GET, { token, params: { id: second.body.id } })).body.page).toBe(2);
    expect((await call(thread.GET, { token, params: { id: second.body.id } })).body.annotation.page).toBe(2);
    const listed = (await call(annotations.GET, { token, params: { id: documentId } })).body.items as Array<{
      id: string;
      page: number | null;
    }>;
    expect(listed.map((item) => [item.id, item.page])).toEqual([
      [first.body.id, 1],
      [second.body.id, 2],
    ]);

    const markdown = (await call(documentExport.GET, { token, params: { id: documentId }, path: "/x?format=md" }))
      .body as string;
    expect(markdown).toContain("(Ellison 2024, p. 2)");
    expect(markdown).toContain("(Ellison 2024, p. 1)");
    const html = (await call(documentExport.GET, { token, params: { id: documentId }, path: "/x?format=html" }))
      .body as string;
    expect(html).toContain('<p class="cite">(Ellison 2024, p. 2)</p>');

    const jsonld = (await call(documentExport.GET, { token, params: { id: documentId }, path: "/x?format=jsonld" }))
      .body as { first: { items: Array<{ id: string; target: { selector: object[] } }> } };
    const target = jsonld.first.items.find((item) => item.id.endsWith(second.body.id))!.target;
    expect(target.selector).toContainEqual({
      type: "FragmentSelector",
      conformsTo: "http://tools.ietf.org/rfc/rfc3778",
      value: "page=2",
      refinedBy: { type: "TextQuoteSelector", exact: onPage(2) },
    });
    // Still a Web Annotation collection by the model's rules.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(WEB_ANNOTATION_SCHEMA);
    expect(validate(jsonld), JSON.stringify(validate.errors)).toBe(true);

    // A new text without pages: the place follows the current revision.
    const put = await call(documentText.PUT, {
      method: "PUT",
      token,
      params: { id: documentId },
      body: { text: `${text}\n\nA closing line added by hand.`, version: 1 },
    });
    expect(put.status).toBe(200);
    expect((await call(annotation.GET, { token, params: { id: second.body.id } })).body.page).toBeNull();
  });

  it("gives annotations their heading path, which follows a text revision", async () => {
    const { token, workspaceId } = await setup();
    const text = [
      "Harbour Notes",
      "The tide tables disagree, as they always have, about the east wind.",
      "The Stone Mark",
      "A groove in the harbour wall that every tide is measured against.",
    ].join("\n\n");
    const created = await call(documents.POST, { method: "POST", token, params: { id: workspaceId }, body: { text } });
    const documentId = created.body.id as string;
    const groove = await annotate(token, documentId, text, "A groove in the harbour wall");
    const tide = await annotate(token, documentId, text, "The tide tables disagree");
    expect(groove.body).toMatchObject({ page: null, section: ["The Stone Mark"] });
    // Before any section heading: no section (the title is not one).
    expect(tide.body.section).toEqual([]);

    const revised = text.replace("The Stone Mark", "The Old Stone Mark");
    const put = await call(documentText.PUT, {
      method: "PUT",
      token,
      params: { id: documentId },
      body: { text: revised, version: 1 },
    });
    expect(put.status).toBe(200);
    const after = (await call(annotation.GET, { token, params: { id: groove.body.id } })).body;
    expect(after.start).toBe(groove.body.start + 4);
    expect(after.section).toEqual(["The Old Stone Mark"]);
    const markdown = (await call(documentExport.GET, { token, params: { id: documentId }, path: "/x?format=md" }))
      .body as string;
    expect(markdown).toContain("(“Harbour Notes” n.d., § The Old Stone Mark)");
  });
});

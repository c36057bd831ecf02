// Imports keep their metadata; a document's version counts its text's revisions only;
// published dates keep their precision; deletions and revisions are in the audit log,
// which names what each action touched.
import { Document as WordDocument, HeadingLevel, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import * as documentExport from "@/app/api/v1/documents/[id]/export/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as links from "@/app/api/v1/links/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import * as auditLog from "@/app/api/v1/workspaces/[id]/audit-log/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { call, expectError, workspaceWithTeam } from "../support/api";
import { makePdf, multipart } from "../support/fixtures";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const BODY = [
  "Trade between the two neighbours grew for a decade, and so did their joint exercises.",
  "Neither side has promised to fight for the other, which is what an alliance would require.",
];

async function makeWordFile(options: { title?: string; creator?: string; titleParagraph?: string }) {
  const file = new WordDocument({
    ...(options.title ? { title: options.title } : {}),
    ...(options.creator ? { creator: options.creator } : {}),
    sections: [
      {
        children: [
          ...(options.titleParagraph
            ? [new Paragraph({ text: options.titleParagraph, heading: HeadingLevel.TITLE })]
            : []),
          new Paragraph({ text: "Introduction", heading: HeadingLevel.HEADING_1 }),
          ...BODY.map((text) => new Paragraph({ text })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

async function setup() {
  const team = await workspaceWithTeam("meta", "Metadata");
  const upload = (name: string, type: string, bytes: Uint8Array) =>
    call(documents.POST, {
      method: "POST",
      token: team.owner.token,
      params: { id: team.workspaceId },
      // The same body text in several files: these tests are about metadata, not duplicates.
      form: multipart({ allowDuplicate: "true" }, { name, type, bytes }),
    });
  const importText = async (body: Record<string, unknown>) =>
    call(documents.POST, {
      method: "POST",
      token: team.owner.token,
      params: { id: team.workspaceId },
      body: { allowDuplicate: true, ...body },
    });
  return { ...team, upload, importText };
}

describe("document metadata", () => {
  it("takes a .docx's title and authors from its properties or Title style, never its first heading", async () => {
    const { upload } = await setup();
    const withProperties = await upload(
      "draft-v3.docx",
      DOCX_TYPE,
      await makeWordFile({ title: "Partners Without a Pact", creator: "Ada Byron; Mary Somerville" }),
    );
    expect(withProperties.status).toBe(201);
    expect(withProperties.body).toMatchObject({
      title: "Partners Without a Pact",
      authors: ["Ada Byron", "Mary Somerville"],
      publishedAt: null,
      sourceFormat: "docx",
    });

    const withTitleStyle = await upload(
      "draft.docx",
      DOCX_TYPE,
      await makeWordFile({ titleParagraph: "A Partnership of Convenience" }),
    );
    // docx.js writes "Un-named" as the creator when none is given: a placeholder, not an author.
    expect(withTitleStyle.body).toMatchObject({ title: "A Partnership of Convenience", authors: [] });

    const bare = await upload("field-notes.docx", DOCX_TYPE, await makeWordFile({}));
    expect(bare.body.title).toBe("Field notes");
  });

  it("never takes a PDF's creation date for its publication date", async () => {
    const { upload } = await setup();
    const pdf = await makePdf({ title: "Partners Without a Pact", author: "Ada Byron", pages: [BODY] });
    const created = await upload("pact.pdf", "application/pdf", pdf);
    expect(created.body).toMatchObject({ title: "Partners Without a Pact", authors: ["Ada Byron"], publishedAt: null });
  });

  it("changes the version only with the text; details have their own lock; revisions stay consecutive", async () => {
    const { owner, importText } = await setup();
    const id = (await importText({ title: "Draft", text: BODY.join("\n\n") })).body.id as string;
    const patch = (body: Record<string, unknown>) =>
      call(document.PATCH, { method: "PATCH", token: owner.token, params: { id }, body });

    const renamed = await patch({ title: "Renamed", authors: ["Ada Byron"], metadataVersion: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: "Renamed", version: 1, metadataVersion: 2 });
    // A second editor who loaded the details before the first saved them.
    expectError(await patch({ title: "Stale", metadataVersion: 1 }), 409);
    expect((await patch({ authors: ["Ada Byron", "Mary Somerville"], metadataVersion: 2 })).body).toMatchObject({
      version: 1,
      metadataVersion: 3,
    });

    const revised = await call(documentText.PUT, {
      method: "PUT",
      token: owner.token,
      params: { id },
      body: { text: `${BODY.join("\n\n")}\n\nA third paragraph.`, version: 1 },
    });
    expect(revised.status).toBe(200);
    expect(revised.body.document).toMatchObject({ version: 2, metadataVersion: 3 });
    const revisions = await db.documentRevision.findMany({ where: { documentId: id }, orderBy: { version: "asc" } });
    expect(revisions.map((revision) => revision.version)).toEqual([1, 2]);
    // An edit of the details made over the old text is refused when it says which text it saw.
    expectError(await patch({ title: "Over old text", metadataVersion: 3, version: 1 }), 409);
    expectError(await patch({ title: "No lock" }), 400);
  });

  it("accepts a year or a month as the published date and keeps its precision in citations", async () => {
    const { owner, workspaceId, importText } = await setup();
    const year = await importText({ title: "Yearly", text: BODY[0], publishedAt: "2023" });
    expect(year.body).toMatchObject({ publishedAt: "2023-01-01T00:00:00.000Z", publishedPrecision: "year" });
    const id = year.body.id as string;
    const month = await call(document.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id },
      body: { publishedAt: "2023-09", metadataVersion: 1 },
    });
    expect(month.body).toMatchObject({ publishedAt: "2023-09-01T00:00:00.000Z", publishedPrecision: "month" });
    const listed = await call(documents.GET, { token: owner.token, params: { id: workspaceId } });
    expect(listed.body.items[0]).toMatchObject({ id, publishedPrecision: "month" });
    // A passage, so that the report cites the document (documents without any are only listed by title).
    const quote = BODY[0]!.split(" ").slice(0, 4).join(" ");
    expect(
      (
        await call(annotations.POST, {
          method: "POST",
          token: owner.token,
          params: { id },
          body: { selectors: describeQuote(BODY[0]!, quote) },
        })
      ).status,
    ).toBe(201);
    const markdown = await call(documentExport.GET, { token: owner.token, params: { id }, path: "/x?format=md" });
    expect(markdown.body).toContain("September 2023");
    expect(markdown.body).not.toContain("2023-09-01");

    const day = await importText({ title: "Daily", text: BODY[1], publishedAt: "2023-09-15" });
    expect(day.body.publishedPrecision).toBe("day");
    expect((await importText({ title: "Undated", text: BODY[1] })).body.publishedPrecision).toBeNull();
    for (const bad of ["2023-13", "Sept 2023", "23"]) {
      expectError(await importText({ title: "Bad date", text: BODY[1], publishedAt: bad }), 400);
    }
  });

  it("audit-logs document deletions and revisions and names what every action touched", async () => {
    const { owner, moderator, researcher, workspaceId, importText } = await setup();
    const text = BODY.join("\n\n");
    const documentId = (await importText({ title: "Partners Without a Pact", text })).body.id as string;
    const annotate = async (quote: string) =>
      (
        await call(annotations.POST, {
          method: "POST",
          token: researcher.token,
          params: { id: documentId },
          body: { selectors: describeQuote(text, quote), body: "Note" },
        })
      ).body.id as string;
    const first = await annotate(BODY[0]!);
    const second = await annotate("what an alliance would require");
    const replyId = (
      await call(replies.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: first },
        body: { body: "This **misreads** the trade figures entirely, as the appendix shows", stance: "opposes" },
      })
    ).body.id as string;
    const linkId = (
      await call(links.POST, {
        method: "POST",
        token: researcher.token,
        body: { fromAnnotationId: first, toAnnotationId: second, relation: "contradicts" },
      })
    ).body.id as string;
    const hide = (targetType: string, targetId: string) =>
      call(actions.POST, {
        method: "POST",
        token: moderator.token,
        body: { targetType, targetId, action: "hide", reason: "Checking" },
      });
    for (const [type, id] of [
      ["reply", replyId],
      ["link", linkId],
      ["annotation", first],
    ] as const)
      expect((await hide(type, id)).status).toBe(201);

    expect(
      (
        await call(documentText.PUT, {
          method: "PUT",
          token: owner.token,
          params: { id: documentId },
          body: { text: `${text}\n\nA third paragraph.`, version: 1 },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(document.DELETE, { method: "DELETE", token: owner.token, params: { id: documentId } })).status,
    ).toBe(204);

    const log = await call(auditLog.GET, { token: moderator.token, params: { id: workspaceId } });
    const entry = (action: string, targetType: string) =>
      log.body.items.find(
        (item: { action: string; targetType: string }) => item.action === action && item.targetType === targetType,
      );
    expect(entry("document-delete", "document")).toMatchObject({
      targetId: documentId,
      target: "“Partners Without a Pact”",
      actor: { id: owner.id },
    });
    expect(entry("document-revise", "document")).toMatchObject({ target: "“Partners Without a Pact”" });
    expect(entry("hide", "annotation").target).toBe("“Trade between the two neighbours grew for a decade, and so…”");
    expect(entry("hide", "reply").target).toBe("“This misreads the trade figures entirely…”");
    expect(entry("hide", "link").target).toBe(
      "“Trade between the two neighbours grew…” → “what an alliance would require”",
    );
    expect(entry("member-add", "member").target).toMatch(/^Test meta-(moderator|researcher|viewer)$/);

    const csv = await call(auditLog.GET, {
      token: moderator.token,
      params: { id: workspaceId },
      path: "/x?format=csv&action=document-delete",
    });
    expect(csv.body).toContain(`document-delete,document,“Partners Without a Pact”,${documentId},`);
  });
});

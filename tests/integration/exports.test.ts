import { describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as threadRoute from "@/app/api/v1/annotations/[id]/thread/route";
import * as links from "@/app/api/v1/links/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import * as workspaceExport from "@/app/api/v1/workspaces/[id]/export/route";
import * as documentExport from "@/app/api/v1/documents/[id]/export/route";
import * as imports from "@/app/api/v1/workspaces/[id]/imports/route";
import { collectReport } from "@/lib/exports/collect-report";
import { db } from "@/lib/db";
import { describeQuote } from "@/lib/anchoring/selectors";
import { AXIS_TITLE, CJK_TERM, readFixture } from "../fixtures/texts";
import { addMemberByInvitation, call, expectError, makeUser } from "../support/api";

const axisEssay = readFixture("axis").trim();
const report = readFixture("titlePage").trim();
const CJK = CJK_TERM;

async function setup() {
  const owner = await makeUser("export-owner");
  const researcher = await makeUser("export-researcher");
  const outsider = await makeUser("export-outsider");
  const workspaceId = (
    await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Axis debate" } })
  ).body.id as string;
  await addMemberByInvitation(owner.token, workspaceId, researcher, "researcher");
  const importText = async (title: string, text: string) =>
    (
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title, text, authors: ["A. Author"] },
      })
    ).body.id as string;
  const axisDocId = await importText(AXIS_TITLE, axisEssay);
  const reportId = await importText("Energy, arms and ambiguity", report);
  const annotate = async (documentId: string, text: string, quote: string, body: string, tags: string[] = []) =>
    (
      await call(annotations.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: documentId },
        body: { selectors: describeQuote(text, quote), body, tags },
      })
    ).body.id as string;
  const axis = await annotate(axisDocId, axisEssay, AXIS_TITLE, "The **framing**: “axis”, not alliance.", ["framing"]);
  const cjk = await annotate(reportId, report, CJK, `The Chinese term ${CJK} — comprehensive strategic coordination.`, [
    "terms",
  ]);
  const first = (
    await call(replies.POST, {
      method: "POST",
      token: owner.token,
      params: { id: axis },
      body: { body: "Is an axis more than rhetoric?", stance: "asks" },
    })
  ).body.id as string;
  const answer = (
    await call(replies.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: axis },
      body: { body: "Joint patrols say yes.", stance: "supports", parentId: first },
    })
  ).body.id as string;
  const rude = (
    await call(replies.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: axis },
      body: { body: "A rude remark that moderators hid", stance: "opposes" },
    })
  ).body.id as string;
  await call(actions.POST, {
    method: "POST",
    token: owner.token,
    body: { targetType: "reply", targetId: rude, action: "hide", reason: "Rude" },
  });
  await call(links.POST, {
    method: "POST",
    token: researcher.token,
    body: {
      fromAnnotationId: cjk,
      toAnnotationId: axis,
      relation: "agrees",
      rationale: "Both describe deepening alignment.",
    },
  });
  return { owner, researcher, outsider, workspaceId, axisDocId, reportId, axis, cjk, first, answer, rude };
}

describe("exports", () => {
  it("writes a Markdown report with counts, citations, threads and links, without hidden items for researchers", async () => {
    const { owner, researcher, workspaceId } = await setup();
    const report = await call(workspaceExport.GET, {
      token: researcher.token,
      params: { id: workspaceId },
      path: "/x?format=md",
    });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toContain("text/markdown");
    const markdown = report.body as string;
    expect(markdown).toMatch(/^# Axis debate\n/);
    expect(markdown).toContain("- Documents: 2\n- Passages: 2\n- Replies: 2\n- Links: 1 (agrees 1)");
    expect(markdown).toContain(`> ${AXIS_TITLE}`);
    expect(markdown).toContain(CJK);
    expect(markdown).toContain("The **framing**: “axis”, not alliance.");
    expect(markdown).toMatch(
      /- \*\*asks\*\* — Test export-owner, \d{4}-\d{2}-\d{2}: Is an axis more than rhetoric\?\n {2}- \*\*supports\*\*/,
    );
    expect(markdown).not.toContain("rude remark");
    const moderated = (
      await call(workspaceExport.GET, { token: owner.token, params: { id: workspaceId }, path: "/x?format=md" })
    ).body as string;
    expect(moderated).toMatch(/\*\*\[hidden\]\*\*: A rude remark that moderators hid/);
    expect(moderated).toContain("- Participants: 2");
  });

  it("writes the same report as one standalone, sanitized HTML file that can run nothing", async () => {
    const { researcher, workspaceId } = await setup();
    const response = await call(workspaceExport.GET, {
      token: researcher.token,
      params: { id: workspaceId },
      path: "/x?format=html",
    });
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = response.body as string;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain("<title>Axis debate</title>");
    expect(html).toContain(`<blockquote><p>${AXIS_TITLE}</p></blockquote>`);
    expect(html).toContain(CJK);
    expect(html).not.toContain("rude remark");
    expect(html.match(/<script/g)).toBeNull();
  });

  it("writes CSV rows that rebuild every thread", async () => {
    const { researcher, workspaceId, axis, first, answer } = await setup();
    const csv = (
      await call(workspaceExport.GET, { token: researcher.token, params: { id: workspaceId }, path: "/x?format=csv" })
    ).body as string;
    const rows = csv.trimEnd().split("\r\n");
    expect(rows[0]).toBe(
      "created,author,document,quote,comment,tags,stance,thread id,parent id,link relation,id,status",
    );
    const byId = new Map(rows.slice(1).map((row) => [row.split(",").at(-2)!, row]));
    expect(byId.get(first)).toContain(`,asks,${axis},${axis},,${first},visible`);
    expect(byId.get(answer)).toContain(`,supports,${axis},${first},,${answer},visible`);
    expect(csv).toContain(CJK);
    expect(rows).toHaveLength(1 + 2 + 2 + 1);
  });

  it("writes a W3C Web Annotation collection with selectors, tags, replies and links", async () => {
    const { researcher, axisDocId, axis, first } = await setup();
    const response = await call(documentExport.GET, {
      token: researcher.token,
      params: { id: axisDocId },
      path: "/x?format=jsonld",
    });
    expect(response.headers.get("content-type")).toContain("application/ld+json");
    const collection = response.body;
    expect(collection).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      first: { type: "AnnotationPage" },
    });
    const items = collection.first.items as {
      id: string;
      motivation: string;
      target: unknown;
      body: unknown;
      created: string;
    }[];
    const annotation = items.find((item) => item.id.endsWith(`/annotations/${axis}`))!;
    expect(annotation).toMatchObject({
      motivation: "commenting",
      target: {
        source: expect.stringContaining(`/documents/${axisDocId}`),
        selector: [
          { type: "TextQuoteSelector", exact: AXIS_TITLE },
          { type: "TextPositionSelector", start: 0 },
        ],
      },
    });
    expect(annotation.body).toEqual(
      expect.arrayContaining([
        { type: "TextualBody", value: "framing", purpose: "tagging" },
        expect.objectContaining({ format: "text/markdown" }),
      ]),
    );
    expect(annotation.created).toMatch(/Z$/);
    expect(items.find((item) => item.id.endsWith(`/replies/${first}`))).toMatchObject({
      motivation: "replying",
      target: expect.stringContaining(`/annotations/${axis}`),
    });
    expect(collection.total).toBe(items.length);
  });

  it("round-trips: a JSON export imported into a new workspace reproduces the annotations, replies and links, authored by the importer", async () => {
    const { owner, researcher, workspaceId } = await setup();
    const exported = (
      await call(workspaceExport.GET, { token: owner.token, params: { id: workspaceId }, path: "/x?format=json" })
    ).body;
    expect(exported.format).toBe("counterpoint-workspace/1");
    const copyId = (await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Copy" } })).body
      .id as string;
    await addMemberByInvitation(owner.token, copyId, researcher, "researcher");
    expectError(
      await call(imports.POST, { method: "POST", token: researcher.token, params: { id: copyId }, body: exported }),
      403,
    );
    const imported = await call(imports.POST, {
      method: "POST",
      token: owner.token,
      params: { id: copyId },
      body: exported,
    });
    expect(imported.body).toEqual({ documents: 2, annotations: 2, replies: 3, links: 1 });
    // The same report, item for item, apart from ids and export time.
    const shape = (report: Awaited<ReturnType<typeof collectReport>>) =>
      JSON.parse(
        JSON.stringify(report, (key, value) =>
          [
            "id",
            "generatedAt",
            "workspaceId",
            "documentId",
            "fromAnnotationId",
            "toAnnotationId",
            "parentId",
            "title",
            "updatedAt",
            // Who and when: the importer, now; the file's author and date are quoted instead (below).
            "creator",
            "creatorId",
            "author",
            "authorId",
            "createdAt",
            "importedFrom",
          ].includes(key)
            ? undefined
            : value,
        ),
      );
    const actor = { id: owner.id, email: owner.email, name: owner.name };
    const original = await collectReport(actor, { kind: "workspace", id: workspaceId });
    const copy = await collectReport(actor, { kind: "workspace", id: copyId });
    expect(shape(copy)).toEqual(shape(original));
    const passages = (report: typeof copy) => report.documents.flatMap((document) => document.annotations);
    const repliesOf = (report: typeof copy) =>
      passages(report).flatMap((annotation) =>
        annotation.replies.flatMap(function flat(reply): typeof annotation.replies {
          return [reply, ...reply.replies.flatMap(flat)];
        }),
      );
    expect(passages(copy).map((annotation) => [annotation.creator.id, annotation.importedFrom])).toEqual(
      passages(original).map((annotation) => [
        owner.id,
        { author: annotation.creator.name, createdAt: annotation.createdAt, source: "JSON export “Axis debate”" },
      ]),
    );
    expect(repliesOf(copy).map((reply) => [reply.authorId, reply.importedFrom?.author])).toEqual(
      repliesOf(original).map((reply) => [owner.id, reply.author]),
    );
    expect(copy.links.map((link) => [link.creatorId, link.importedFrom?.author])).toEqual(
      original.links.map((link) => [owner.id, link.creator]),
    );
    // A tampered file is refused whole.
    const tampered = structuredClone(exported);
    tampered.documents[0].annotations[0].start += 3;
    expectError(
      await call(imports.POST, { method: "POST", token: owner.token, params: { id: copyId }, body: tampered }),
      422,
    );
    expectError(
      await call(imports.POST, {
        method: "POST",
        token: owner.token,
        params: { id: copyId },
        body: { format: "other" },
      }),
      400,
    );
  });

  it("never makes a file speak for someone: a foreign creator.id and a 2019 date become quoted provenance", async () => {
    const { owner, researcher, workspaceId } = await setup();
    // The worst case: the person named in the file is even a member here.
    const exported = (
      await call(workspaceExport.GET, { token: owner.token, params: { id: workspaceId }, path: "/x?format=json" })
    ).body;
    const forged = structuredClone(exported);
    const victim = { id: researcher.id, name: "Victim Name" };
    type Forged = { author: unknown; createdAt: string; replies: Forged[] };
    const forgeReplies = (replies: Forged[]): void =>
      replies.forEach((reply) => {
        Object.assign(reply, { author: victim, createdAt: "2019-03-02T10:00:00.000Z" });
        forgeReplies(reply.replies);
      });
    for (const document of forged.documents)
      for (const annotation of document.annotations) {
        annotation.creator = victim;
        annotation.createdAt = "2019-03-01T10:00:00.000Z";
        forgeReplies(annotation.replies);
      }
    for (const link of forged.links) {
      Object.assign(link, { creator: victim, createdAt: "2019-03-03T10:00:00.000Z" });
      forgeReplies(link.replies);
    }
    const targetId = (
      await call(workspaces.POST, {
        method: "POST",
        token: owner.token,
        body: { name: "Target", visibility: "public" },
      })
    ).body.id as string;
    await addMemberByInvitation(owner.token, targetId, researcher, "researcher");
    const startedAt = Date.now();
    expect(
      (await call(imports.POST, { method: "POST", token: owner.token, params: { id: targetId }, body: forged })).status,
    ).toBe(201);

    const stored = await db.annotation.findMany({ where: { workspaceId: targetId } });
    const storedReplies = await db.reply.findMany({ where: { workspaceId: targetId } });
    const storedLinks = await db.passageLink.findMany({ where: { workspaceId: targetId } });
    expect(stored.length).toBeGreaterThan(0);
    for (const row of [
      ...stored.map((a) => ({ by: a.creatorId, ...a })),
      ...storedReplies.map((r) => ({ by: r.authorId, ...r })),
      ...storedLinks.map((l) => ({ by: l.creatorId, ...l })),
    ]) {
      expect(row.by).toBe(owner.id);
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(row.importedFrom).toMatchObject({ author: "Victim Name", createdAt: expect.stringMatching(/^2019-03-0/) });
    }
    // The reader's API and the reports quote it, and say who brought it in.
    const listed = await call(annotations.GET, { token: researcher.token, params: { id: stored[0]!.documentId } });
    expect(listed.body.items[0]).toMatchObject({
      creator: { id: owner.id },
      importedFrom: { author: "Victim Name", createdAt: "2019-03-01T10:00:00.000Z" },
    });
    const threadId = storedReplies.find((reply) => reply.annotationId)!.annotationId!;
    const thread = await call(threadRoute.GET, { token: researcher.token, params: { id: threadId } });
    expect(thread.body.replies[0]).toMatchObject({
      author: { id: owner.id },
      importedFrom: { author: "Victim Name", createdAt: "2019-03-02T10:00:00.000Z" },
    });
    const markdown = await call(workspaceExport.GET, {
      token: owner.token,
      params: { id: targetId },
      path: "/x?format=md",
    });
    expect(markdown.body).toContain("(originally by Victim Name, 2019)");
    // Exported again and imported elsewhere, the first provenance is kept, not the re-importer's.
    const again = (
      await call(workspaceExport.GET, { token: owner.token, params: { id: targetId }, path: "/x?format=json" })
    ).body;
    expect(again.documents[0].annotations[0].importedFrom.author).toBe("Victim Name");
  });

  it("refuses unknown formats and readers from outside", async () => {
    const { outsider, workspaceId, researcher } = await setup();
    expectError(
      await call(workspaceExport.GET, { token: researcher.token, params: { id: workspaceId }, path: "/x?format=docx" }),
      400,
    );
    expectError(
      await call(workspaceExport.GET, { token: outsider.token, params: { id: workspaceId }, path: "/x?format=md" }),
      404,
    );
  });
});

import { describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as links from "@/app/api/v1/links/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import * as workspaceExport from "@/app/api/v1/workspaces/[id]/export/route";
import * as documentExport from "@/app/api/v1/documents/[id]/export/route";
import * as imports from "@/app/api/v1/workspaces/[id]/imports/route";
import { collectReport } from "@/lib/exports/collect-report";
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

  it("round-trips: a JSON export imported into a new workspace reproduces the annotations, replies and links", async () => {
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
          ].includes(key)
            ? undefined
            : value,
        ),
      );
    const actor = { id: owner.id, email: owner.email, name: owner.name };
    expect(shape(await collectReport(actor, { kind: "workspace", id: copyId }))).toEqual(
      shape(await collectReport(actor, { kind: "workspace", id: workspaceId })),
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

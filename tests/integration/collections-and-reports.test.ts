import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { argdown } from "@argdown/core";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as links from "@/app/api/v1/links/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import * as claims from "@/app/api/v1/workspaces/[id]/claims/route";
import * as claimPassages from "@/app/api/v1/claims/[id]/passages/route";
import * as collections from "@/app/api/v1/workspaces/[id]/collections/route";
import * as collection from "@/app/api/v1/collections/[id]/route";
import * as collectionItems from "@/app/api/v1/collections/[id]/items/route";
import * as collectionItem from "@/app/api/v1/collections/[id]/items/[itemId]/route";
import * as collectionOrder from "@/app/api/v1/collections/[id]/order/route";
import * as collectionExport from "@/app/api/v1/collections/[id]/export/route";
import * as workspaceExport from "@/app/api/v1/workspaces/[id]/export/route";
import * as documentExport from "@/app/api/v1/documents/[id]/export/route";
import * as exportJobs from "@/app/api/v1/exports/route";
import * as exportJob from "@/app/api/v1/exports/[id]/route";
import * as exportDownload from "@/app/api/v1/exports/[id]/download/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { ALLIANCE_TITLE, AXIS_TITLE, CJK_TERM, NO_ALLIANCE, readFixture, TITLE_PAGE } from "../fixtures/texts";
import { call, expectError, workspaceWithTeam, type CallOptions } from "../support/api";
import { WEB_ANNOTATION_SCHEMA } from "../support/web-annotation-schema";

const axisEssay = readFixture("axis").trim();
const allianceEssay = readFixture("alliance").trim();
const report = readFixture("titlePage").trim();
const CJK = CJK_TERM;
const AXIS = AXIS_TITLE;
const RESOLUTION = "Alignment, not alliance — for now.";
const CLAIM = "China and Russia are forming an alliance";

// The axis–alliance debate: a passage on each side, a contradiction between them, replies.
async function debate() {
  const { owner, moderator, researcher, viewer, workspaceId } = await workspaceWithTeam("report", "Axis or alignment");
  const importText = async (title: string, text: string, authors: string[]) =>
    (
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title, text, authors, publishedAt: "2023-09-01T00:00:00Z" },
      })
    ).body.id as string;
  const axisDocId = await importText(AXIS, axisEssay, ["Ada Novak"]);
  const allianceDocId = await importText(ALLIANCE_TITLE, allianceEssay, ["Ivo Marin"]);
  const reportId = await importText(TITLE_PAGE.title, report, TITLE_PAGE.authors);
  const annotate = async (documentId: string, text: string, quote: string, body: string) =>
    (
      await call(annotations.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: documentId },
        body: { selectors: describeQuote(text, quote), body, tags: ["alliance"] },
      })
    ).body.id as string;
  const axis = await annotate(axisDocId, axisEssay, AXIS, "The essay's **framing**: an “axis”.");
  const noAlliance = await annotate(
    allianceDocId,
    allianceEssay,
    NO_ALLIANCE,
    "The answer: cooperation without an alliance.",
  );
  const cjk = await annotate(reportId, report, CJK, `The term ${CJK}.`);
  const linkId = (
    await call(links.POST, {
      method: "POST",
      token: researcher.token,
      body: {
        fromAnnotationId: noAlliance,
        toAnnotationId: axis,
        relation: "contradicts",
        rationale: "No alliance is not an axis.",
      },
    })
  ).body.id as string;
  await call(replies.POST, {
    method: "POST",
    token: owner.token,
    params: { id: axis },
    body: { body: "An axis without a treaty?", stance: "asks" },
  });
  await call(replies.POST, {
    method: "POST",
    token: researcher.token,
    params: { id: axis },
    body: { body: "Joint patrols support it.", stance: "supports" },
  });
  const hidden = (
    await call(replies.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: axis },
      body: { body: "A remark moderators hid", stance: "opposes" },
    })
  ).body.id as string;
  await call(actions.POST, {
    method: "POST",
    token: moderator.token,
    body: { targetType: "reply", targetId: hidden, action: "hide", reason: "Off topic" },
  });
  await call(actions.POST, {
    method: "POST",
    token: moderator.token,
    body: {
      targetType: "annotation",
      targetId: axis,
      action: "resolve-thread",
      reason: "Settled",
      summary: RESOLUTION,
    },
  });
  const claimId = (
    await call(claims.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: workspaceId },
      body: { title: CLAIM },
    })
  ).body.id as string;
  await call(claimPassages.POST, {
    method: "POST",
    token: researcher.token,
    params: { id: claimId },
    body: { annotationId: axis, stance: "supports" },
  });
  await call(claimPassages.POST, {
    method: "POST",
    token: researcher.token,
    params: { id: claimId },
    body: { annotationId: noAlliance, stance: "opposes" },
  });
  return { owner, moderator, researcher, viewer, workspaceId, axisDocId, axis, noAlliance, cjk, linkId };
}

// A response body as bytes (PDF), or its status when refused.
async function download(handler: Parameters<typeof call>[0], options: CallOptions) {
  const headers = new Headers(options.token ? { authorization: `Bearer ${options.token}` } : {});
  const response = await handler(new Request(`http://localhost${options.path ?? "/x"}`, { headers }), {
    params: Promise.resolve(options.params ?? {}),
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

async function pdfText(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(bytes);
  const { text, totalPages } = await extractText(pdf, { mergePages: false });
  return { pages: totalPages, text: text.map((page) => page.replace(/\s+/g, " ")) };
}

describe("collections", () => {
  it("lets moderators assemble, annotate, reorder and trim a collection; others only read it", async () => {
    const { moderator, researcher, viewer, workspaceId, axis, noAlliance, linkId } = await debate();
    expectError(
      await call(collections.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: workspaceId },
        body: { title: "Mine" },
      }),
      403,
    );
    expectError(
      await call(collections.POST, {
        method: "POST",
        token: moderator.token,
        params: { id: workspaceId },
        body: { title: "  " },
      }),
      400,
    );
    const created = await call(collections.POST, {
      method: "POST",
      token: moderator.token,
      params: { id: workspaceId },
      body: {
        title: "Axis or alignment: the best threads",
        description: "Where the **axis** and *alliance* essays part ways.",
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const add = (body: object, token = moderator.token) =>
      call(collectionItems.POST, { method: "POST", token, params: { id }, body });
    const first = await add({ type: "annotation", id: axis, note: "The axis thesis" });
    expect(first.status).toBe(201);
    const second = await add({ type: "link", id: linkId, note: "The core disagreement" });
    const third = await add({ type: "annotation", id: noAlliance });
    expectError(await add({ type: "annotation", id: axis }), 409);
    expectError(await add({ type: "link", id: axis }), 422);
    expectError(await add({ type: "annotation", id: noAlliance }, researcher.token), 403);

    const reordered = await call(collectionOrder.PUT, {
      method: "PUT",
      token: moderator.token,
      params: { id },
      body: { itemIds: [second.body.id, first.body.id, third.body.id] },
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((item: { targetId: string }) => item.targetId)).toEqual([linkId, axis, noAlliance]);
    expectError(
      await call(collectionOrder.PUT, {
        method: "PUT",
        token: moderator.token,
        params: { id },
        body: { itemIds: [second.body.id, first.body.id] },
      }),
      422,
    );
    expectError(
      await call(collectionOrder.PUT, {
        method: "PUT",
        token: moderator.token,
        params: { id },
        body: { itemIds: [first.body.id, first.body.id, third.body.id] },
      }),
      400,
    );

    expect(
      (
        await call(collectionItem.PATCH, {
          method: "PATCH",
          token: moderator.token,
          params: { id, itemId: third.body.id },
          body: { note: "The alliance answer" },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(collectionItem.DELETE, {
          method: "DELETE",
          token: moderator.token,
          params: { id, itemId: first.body.id },
        })
      ).status,
    ).toBe(204);
    const seen = await call(collection.GET, { token: viewer.token, params: { id } });
    expect(seen.body).toMatchObject({
      title: "Axis or alignment: the best threads",
      canEdit: false,
      items: [
        { type: "link", note: "The core disagreement", link: { relation: "contradicts" } },
        { type: "annotation", note: "The alliance answer", passage: { quote: NO_ALLIANCE } },
      ],
    });
    expectError(
      await call(collection.PATCH, { method: "PATCH", token: viewer.token, params: { id }, body: { title: "x" } }),
      403,
    );
    const listed = await call(collections.GET, { token: researcher.token, params: { id: workspaceId } });
    expect(listed.body.items).toEqual([expect.objectContaining({ id, itemCount: 2 })]);
  });

  it("exports a collection as a report in its order with curators' notes, leaving out what the reader may not see", async () => {
    const { moderator, researcher, workspaceId, axis, noAlliance, linkId, cjk } = await debate();
    const id = (
      await call(collections.POST, {
        method: "POST",
        token: moderator.token,
        params: { id: workspaceId },
        body: { title: "Best threads", description: "Our **picks**." },
      })
    ).body.id as string;
    for (const [type, target, note] of [
      ["link", linkId, "The crux"],
      ["annotation", cjk, "Terminology"],
      ["annotation", axis, ""],
    ] as const) {
      await call(collectionItems.POST, {
        method: "POST",
        token: moderator.token,
        params: { id },
        body: { type, id: target, note },
      });
    }
    const markdown = (
      await call(collectionExport.GET, { token: researcher.token, params: { id }, path: "/x?format=md" })
    ).body as string;
    expect(markdown).toMatch(/^# Best threads\n/);
    expect(markdown).toContain("Our **picks**.");
    expect(markdown.indexOf("The crux")).toBeLessThan(markdown.indexOf("Terminology"));
    expect(markdown).toContain(`> ${NO_ALLIANCE}`);
    expect(markdown).toContain(`> ${AXIS}`);
    expect(markdown).toContain(CJK);
    expect(markdown).toContain("- Documents: 3\n- Passages: 3");
    expect(markdown).not.toContain("moderators hid");
    expect(markdown).toMatch(
      new RegExp(`\\*\\*Resolved by moderators on \\d{4}-\\d{2}-\\d{2}:\\*\\*\n\n${RESOLUTION}\n`),
    );
    // A passage that was hidden leaves the collection's export for researchers.
    await call(actions.POST, {
      method: "POST",
      token: moderator.token,
      body: { targetType: "annotation", targetId: cjk, action: "hide", reason: "Disputed translation" },
    });
    const after = (await call(collectionExport.GET, { token: researcher.token, params: { id }, path: "/x?format=md" }))
      .body as string;
    expect(after).not.toContain(CJK);
    expect(after).not.toContain("Terminology");
    expect(
      (await call(collectionExport.GET, { token: moderator.token, params: { id }, path: "/x?format=md" })).body,
    ).toContain(CJK);
    void noAlliance;
  });
});

describe("report formats", () => {
  it("prints a PDF on the server: valid, paged, with the quotes (CJK included), page numbers and no scripts", async () => {
    const { researcher, workspaceId } = await debate();
    const pdf = await download(workspaceExport.GET, {
      token: researcher.token,
      params: { id: workspaceId },
      path: "/x?format=pdf",
    });
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe("%PDF-");
    const { pages, text } = await pdfText(pdf.bytes);
    expect(pages).toBeGreaterThan(1);
    const all = text.join(" ");
    for (const quote of [
      AXIS,
      NO_ALLIANCE,
      CJK,
      "Joint patrols support it.",
      "No alliance is not an axis.",
      RESOLUTION,
    ])
      expect(all).toContain(quote);
    expect(all).toContain("The essay's framing: an “axis”.");
    expect(all).not.toContain("moderators hid");
    expect(all).toContain(CLAIM);
    expect(text[1]).toContain("Page 2");
    expect(text[1]).toContain("Axis or alignment");
    // Nothing in the file can run: no JavaScript or launch actions.
    const raw = Buffer.from(pdf.bytes).toString("latin1");
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction|AA)\b/);
  });

  it("closes workspace reports with the claims and the passages placed under them", async () => {
    const { researcher, workspaceId, axisDocId } = await debate();
    const markdown = (
      await call(workspaceExport.GET, { token: researcher.token, params: { id: workspaceId }, path: "/x?format=md" })
    ).body as string;
    expect(markdown).toContain(
      `### ${CLAIM}\n\n- **supports**: “${AXIS}” — *${AXIS}*\n- **opposes**: “${NO_ALLIANCE}” — *${ALLIANCE_TITLE}*\n`,
    );
    const html = (
      await call(workspaceExport.GET, { token: researcher.token, params: { id: workspaceId }, path: "/x?format=html" })
    ).body as string;
    expect(html).toContain(`<h3>${CLAIM}</h3>`);
    // A document's report keeps only the claim's passages from that document.
    const single = (
      await call(documentExport.GET, { token: researcher.token, params: { id: axisDocId }, path: "/x?format=md" })
    ).body as string;
    expect(single).toContain(`- **supports**: “${AXIS}”`);
    expect(single).not.toContain(`- **opposes**: “${NO_ALLIANCE}”`);
  });

  it("writes the debate as AIF: passages as I-nodes, the contradiction as a conflict between them", async () => {
    const { researcher, workspaceId } = await debate();
    const aif = (
      await call(workspaceExport.GET, { token: researcher.token, params: { id: workspaceId }, path: "/x?format=aif" })
    ).body as { nodes: { nodeID: string; text: string; type: string }[]; edges: { fromID: string; toID: string }[] };
    const node = (text: string) => aif.nodes.find((candidate) => candidate.text === text)!;
    expect(node(AXIS).type).toBe("I");
    expect(node(CJK).type).toBe("I");
    const conflict = aif.nodes.find(
      (candidate) =>
        candidate.type === "CA" &&
        aif.edges.some((edge) => edge.fromID === node(NO_ALLIANCE).nodeID && edge.toID === candidate.nodeID),
    )!;
    expect(aif.edges).toContainEqual(expect.objectContaining({ fromID: conflict.nodeID, toID: node(AXIS).nodeID }));
    const support = node("Joint patrols support it.");
    expect(
      aif.nodes.find(
        (candidate) =>
          candidate.type === "RA" &&
          aif.edges.some((edge) => edge.fromID === support.nodeID && edge.toID === candidate.nodeID),
      ),
    ).toBeDefined();
    expect(aif.nodes.some((candidate) => candidate.text.includes("moderators hid"))).toBe(false);
    for (const edge of aif.edges)
      expect([edge.fromID, edge.toID].every((end) => aif.nodes.some((candidate) => candidate.nodeID === end))).toBe(
        true,
      );
  });

  it("writes Argdown that the Argdown parser reads into statements and relations", async () => {
    const { researcher, workspaceId } = await debate();
    const source = (
      await call(workspaceExport.GET, {
        token: researcher.token,
        params: { id: workspaceId },
        path: "/x?format=argdown",
      })
    ).body as string;
    const response = argdown.run({ input: source, process: ["parse-input", "build-model"] });
    expect(response.parserErrors ?? []).toEqual([]);
    expect(response.lexerErrors ?? []).toEqual([]);
    const statements = Object.values(response.statements ?? {}) as { title: string; members: { text: string }[] }[];
    const titled = (text: string) =>
      statements.find((statement) => statement.members.some((member) => member.text?.includes(text)))!;
    expect(titled(AXIS)).toBeDefined();
    expect(titled(CJK)).toBeDefined();
    const relations = (response.relations ?? []) as {
      from: { title: string };
      to: { title: string };
      relationType: string;
    }[];
    expect(relations).toContainEqual(
      expect.objectContaining({
        relationType: "contradictory",
        from: expect.objectContaining({ title: titled(NO_ALLIANCE).title }),
        to: expect.objectContaining({ title: titled(AXIS).title }),
      }),
    );
    expect(
      relations.some((relation) => relation.relationType === "support" && relation.to.title === titled(AXIS).title),
    ).toBe(true);
  });

  it("writes JSON-LD in which every annotation validates against the Web Annotation schema", async () => {
    const { moderator, workspaceId } = await debate();
    const collectionJson = (
      await call(workspaceExport.GET, { token: moderator.token, params: { id: workspaceId }, path: "/x?format=jsonld" })
    ).body;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(WEB_ANNOTATION_SCHEMA);
    expect(validate(collectionJson), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const validateAnnotation = ajv.getSchema(`${WEB_ANNOTATION_SCHEMA.$id}#/definitions/annotation`)!;
    const items = collectionJson.first.items as object[];
    expect(items.length).toBe(3 + 3 + 1);
    for (const item of items) expect(validateAnnotation(item), JSON.stringify(validateAnnotation.errors)).toBe(true);
    // The check can fail: a missing target, a date without a zone and an unknown motivation are refused.
    const sample = items[0] as Record<string, unknown>;
    expect(validateAnnotation({ ...sample, target: undefined })).toBe(false);
    expect(validateAnnotation({ ...sample, created: "2026-11-23T10:00:00" })).toBe(false);
    expect(validateAnnotation({ ...sample, motivation: "arguing" })).toBe(false);
  });
});

describe("background exports", () => {
  it("runs an export in the background with progress, lets only its requester download it", async () => {
    const { researcher, viewer, workspaceId } = await debate();
    const started = await call(exportJobs.POST, {
      method: "POST",
      token: researcher.token,
      body: { scope: { kind: "workspace", id: workspaceId }, format: "pdf" },
    });
    expect(started.status).toBe(202);
    expect(started.headers.get("location")).toBe(started.body.statusUrl);
    expect(started.body).toMatchObject({ status: "queued", progress: 0, format: "pdf" });
    let status = started.body;
    const seen = new Set<number>();
    for (let attempt = 0; attempt < 400 && status.status !== "done" && status.status !== "failed"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = (await call(exportJob.GET, { token: researcher.token, params: { id: started.body.id } })).body;
      seen.add(status.progress);
    }
    expect(status).toMatchObject({
      status: "done",
      progress: 1,
      stage: "Ready to download",
      downloadUrl: expect.stringContaining(`/api/v1/exports/${started.body.id}/download`),
    });
    expect([...seen].every((progress) => progress >= 0 && progress <= 1)).toBe(true);
    const file = await download(exportDownload.GET, { token: researcher.token, params: { id: started.body.id } });
    expect(file.type).toBe("application/pdf");
    expect((await pdfText(file.bytes)).text.join(" ")).toContain(AXIS);
    expectError(await call(exportJob.GET, { token: viewer.token, params: { id: started.body.id } }), 404);
    expectError(await call(exportDownload.GET, { token: viewer.token, params: { id: started.body.id } }), 404);
    expectError(
      await call(exportJobs.POST, {
        method: "POST",
        token: researcher.token,
        body: { scope: { kind: "workspace", id: workspaceId }, format: "docx" },
      }),
      400,
    );
    expectError(
      await call(exportJobs.POST, {
        method: "POST",
        token: researcher.token,
        body: { scope: { kind: "collection", id: "missing" }, format: "md" },
      }),
      404,
    );
  });
});

import { describe, expect, it } from "vitest";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as annotation from "@/app/api/v1/annotations/[id]/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as search from "@/app/api/v1/workspaces/[id]/search/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { readFixture } from "../fixtures/texts";
import { call, expectError, importText, workspaceWithTeam } from "../support/api";

const essay = readFixture("axis").trim();

async function setup() {
  const { owner, moderator, researcher, viewer, outsider, workspaceId } = await workspaceWithTeam("ann", "Annotations");
  const documentId = await importText(owner.token, workspaceId, "Axis essay", essay);
  return { owner, researcher, moderator, viewer, outsider, workspaceId, documentId };
}

function annotate(
  token: string,
  documentId: string,
  quote: string,
  extra: Record<string, unknown> = {},
  occurrence = 0,
) {
  const selectors = describeQuote(essay, quote, occurrence)!;
  return call(annotations.POST, { method: "POST", token, params: { id: documentId }, body: { selectors, ...extra } });
}

describe("annotations", () => {
  it("stores W3C selectors with code-point offsets and a sanitized Markdown body", async () => {
    const { researcher, documentId } = await setup();
    const quote = essay.split("\n")[0]!;
    const created = await annotate(researcher.token, documentId, quote, {
      body: "**Key claim** <script>alert(1)</script>",
      tags: ["axis", "axis", "framing"],
      color: "blue",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      quote,
      start: 0,
      motivation: "commenting",
      tags: ["axis", "framing"],
      color: "blue",
      anchorStatus: "anchored",
      version: 1,
    });
    expect(created.body.selectors[0]).toMatchObject({ type: "TextQuoteSelector", exact: quote, prefix: "" });
    expect(created.body.selectors[1]).toMatchObject({
      type: "TextPositionSelector",
      start: 0,
      end: Array.from(quote).length,
    });
    expect(created.body.bodyHtml).toContain("<strong>Key claim</strong>");
    expect(created.body.bodyHtml).not.toContain("<script");
    const highlight = await annotate(researcher.token, documentId, "Russia", {}, 1);
    expect(highlight.body.motivation).toBe("highlighting");
    const listed = await call(annotations.GET, { token: researcher.token, params: { id: documentId } });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id, highlight.body.id]);
    const byTag = await call(annotations.GET, {
      token: researcher.token,
      params: { id: documentId },
      path: "/x?tag=framing",
    });
    expect(byTag.body.items).toHaveLength(1);
  });

  it("lists a document's annotations in pages that follow each other without gaps or repeats", async () => {
    const { researcher, documentId } = await setup();
    const quotes = ["bombers", "Okhotsk", "Pacific", "routine", "alliance"];
    const created: Array<{ id: string }> = [];
    for (const quote of quotes)
      created.push((await annotate(researcher.token, documentId, quote, { body: quote })).body);
    await call(replies.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: created[3]!.id },
      body: { body: "Agreed.", stance: "supports" },
    });
    const whole = await call(annotations.GET, { token: researcher.token, params: { id: documentId } });
    expect(whole.body.nextCursor).toBeNull();
    const paged: Array<{ id: string; replyCount: number; replyStances: string[] }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { items: typeof paged; nextCursor: string | null } } = await call(
        annotations.GET,
        {
          token: researcher.token,
          params: { id: documentId },
          path: `/x?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        },
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(paged.map((item) => item.id)).toEqual(whole.body.items.map((item: { id: string }) => item.id));
    expect(paged.find((item) => item.id === created[3]!.id)).toMatchObject({
      replyCount: 1,
      replyStances: ["supports"],
    });
    expectError(
      await call(annotations.GET, { token: researcher.token, params: { id: documentId }, path: "/x?cursor=abc" }),
      400,
    );
  });

  it("answers 422 for a quote that is not in the text and 400 for malformed selectors", async () => {
    const { researcher, documentId } = await setup();
    const missing = await call(annotations.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: documentId },
      body: { selectors: [{ type: "TextQuoteSelector", exact: "words that the essay never used" }] },
    });
    expectError(missing, 422);
    expectError(
      await call(annotations.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: documentId },
        body: { selectors: [{ type: "TextPositionSelector", start: 5, end: 2 }] },
      }),
      400,
    );
    expectError(
      await call(annotations.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: documentId },
        body: { selectors: [] },
      }),
      400,
    );
    expectError(
      await call(annotations.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: documentId },
        body: { selectors: [{ type: "TextQuoteSelector", exact: "Russia" }], color: "chartreuse" },
      }),
      400,
    );
    expect(await db.annotation.count({ where: { documentId } })).toBe(0);
  });

  it("enforces roles: viewers read only, authors and moderators change, others may not", async () => {
    const { owner, researcher, moderator, viewer, outsider, documentId } = await setup();
    expectError(await annotate(viewer.token, documentId, "Russia"), 403);
    expectError(await annotate(outsider.token, documentId, "Russia"), 404);
    const mine = (await annotate(researcher.token, documentId, "Russia", { body: "first" })).body;
    expect((await call(annotation.GET, { token: viewer.token, params: { id: mine.id } })).status).toBe(200);
    expectError(await call(annotation.GET, { token: outsider.token, params: { id: mine.id } }), 404);
    expectError(
      await call(annotation.PATCH, {
        method: "PATCH",
        token: viewer.token,
        params: { id: mine.id },
        body: { body: "x", version: 1 },
      }),
      403,
    );
    const edited = await call(annotation.PATCH, {
      method: "PATCH",
      token: researcher.token,
      params: { id: mine.id },
      body: { body: "second", tags: ["revised"], version: 1 },
    });
    expect(edited.body).toMatchObject({ body: "second", tags: ["revised"], version: 2 });
    expectError(
      await call(annotation.PATCH, {
        method: "PATCH",
        token: researcher.token,
        params: { id: mine.id },
        body: { body: "stale", version: 1 },
      }),
      409,
    );
    const other = (await annotate(owner.token, documentId, "China", { body: "owner's" })).body;
    expectError(
      await call(annotation.DELETE, { method: "DELETE", token: researcher.token, params: { id: other.id } }),
      403,
    );
    expect(
      (await call(annotation.DELETE, { method: "DELETE", token: moderator.token, params: { id: other.id } })).status,
    ).toBe(204);
    expect(
      (await call(annotation.DELETE, { method: "DELETE", token: researcher.token, params: { id: mine.id } })).status,
    ).toBe(204);
    expect((await call(annotations.GET, { token: owner.token, params: { id: documentId } })).body.items).toHaveLength(
      0,
    );
  });

  it("re-anchors on a new revision: exact, moved, orphaned, and flags links on moved passages", async () => {
    const { owner, researcher, documentId, workspaceId } = await setup();
    const paragraphs = essay.split("\n\n");
    const keptQuote = paragraphs[1]!.slice(0, 60);
    const editedSentence = paragraphs[2]!.split(". ")[0]!;
    const deletedQuote = paragraphs[5]!.slice(0, 80);
    const kept = (await annotate(researcher.token, documentId, keptQuote)).body;
    const edited = (await annotate(researcher.token, documentId, editedSentence)).body;
    const deleted = (await annotate(researcher.token, documentId, deletedQuote, { body: "This paragraph will go." }))
      .body;
    await db.passageLink.create({
      data: {
        workspaceId,
        fromAnnotationId: kept.id,
        toAnnotationId: edited.id,
        relation: "contradicts",
        creatorId: owner.id,
      },
    });

    const words = editedSentence.split(" ");
    words[3] = "substantially";
    const revised = [
      "A new opening paragraph written for this test.",
      ...paragraphs.slice(0, 2),
      paragraphs[2]!.replace(editedSentence, words.join(" ")),
      ...paragraphs.slice(3, 5),
      ...paragraphs.slice(6),
    ].join("\n\n");
    expectError(
      await call(documentText.PUT, {
        method: "PUT",
        token: researcher.token,
        params: { id: documentId },
        body: { text: revised, version: 1 },
      }),
      403,
    );
    const result = await call(documentText.PUT, {
      method: "PUT",
      token: owner.token,
      params: { id: documentId },
      body: { text: revised, version: 1 },
    });
    expect(result.status).toBe(200);
    expect(result.body.reanchoring).toEqual({ anchored: 1, moved: 1, orphaned: 1 });
    expect(result.body.document.version).toBe(2);
    expectError(
      await call(documentText.PUT, {
        method: "PUT",
        token: owner.token,
        params: { id: documentId },
        body: { text: revised + "\nMore.", version: 1 },
      }),
      409,
    );

    const after = await call(annotations.GET, { token: researcher.token, params: { id: documentId } });
    const byId = new Map(after.body.items.map((item: { id: string }) => [item.id, item]));
    const revisedKept = byId.get(kept.id) as { start: number; quote: string; anchorStatus: string };
    expect(revisedKept).toMatchObject({ anchorStatus: "anchored", quote: keptQuote });
    expect(
      Array.from(revised)
        .slice(revisedKept.start, revisedKept.start + Array.from(keptQuote).length)
        .join(""),
    ).toBe(keptQuote);
    expect(byId.get(edited.id)).toMatchObject({ anchorStatus: "moved", quote: words.join(" ") });
    expect(byId.get(deleted.id)).toMatchObject({
      anchorStatus: "orphaned",
      quote: deletedQuote,
      body: "This paragraph will go.",
    });
    expect((await db.passageLink.findFirstOrThrow({ where: { fromAnnotationId: kept.id } })).needsReview).toBe(true);
    expect(await db.documentRevision.count({ where: { documentId } })).toBe(2);
  });

  it("searches documents and annotations with ranking, snippets, tag and author filters, within the workspace only", async () => {
    const { researcher, owner, outsider, workspaceId, documentId } = await setup();
    await annotate(researcher.token, documentId, "Russia", {
      body: "Energy dependence <b>matters</b> here.",
      tags: ["energy"],
    });
    await annotate(owner.token, documentId, "China", { body: "Rhetoric of partnership.", tags: ["rhetoric"] });
    const words = await call(search.GET, { token: researcher.token, params: { id: workspaceId }, path: "/x?q=axis" });
    expect(words.status).toBe(200);
    expect(words.body.documents[0]).toMatchObject({ id: documentId, title: "Axis essay" });
    expect(words.body.documents[0].snippetHtml).toMatch(/<mark>axis<\/mark>|<mark>Axis<\/mark>/i);
    const inBodies = await call(search.GET, {
      token: researcher.token,
      params: { id: workspaceId },
      path: "/x?q=energy",
    });
    expect(inBodies.body.annotations).toHaveLength(1);
    // Markup in stored text never comes back as markup in a snippet.
    expect(inBodies.body.annotations[0].snippetHtml).not.toContain("<b>");
    const byTag = await call(search.GET, {
      token: researcher.token,
      params: { id: workspaceId },
      path: "/x?tag=rhetoric",
    });
    expect(byTag.body.annotations.map((hit: { body: string }) => hit.body)).toEqual(["Rhetoric of partnership."]);
    const byAuthor = await call(search.GET, {
      token: researcher.token,
      params: { id: workspaceId },
      path: `/x?author=${researcher.id}`,
    });
    expect(byAuthor.body.annotations).toHaveLength(1);
    expectError(await call(search.GET, { token: outsider.token, params: { id: workspaceId }, path: "/x?q=axis" }), 404);
  });
});

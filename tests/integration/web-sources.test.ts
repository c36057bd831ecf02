import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as exportRoute from "@/app/api/v1/workspaces/[id]/export/route";
import { db } from "@/lib/db";
import { createWebSourceAnnotation } from "@/lib/web-sources/web-source-services";
import { call, workspaceWithTeam } from "../support/api";

const PAGE = "https://example.org/essays/harbour";
const TEXT =
  "Harbour fees rose twice in one winter.\n\nThe pilots' guild answered with a strike that closed the estuary for nine days.";

describe("web sources", () => {
  it("keep annotations on a page not yet imported, and hand them to the document imported from it", async () => {
    const { owner, researcher, workspaceId } = await workspaceWithTeam("web", "Web sources");
    const note = (exact: string, prefix = "") =>
      db.$transaction((tx) =>
        createWebSourceAnnotation(tx, {
          workspaceId,
          url: `${PAGE}#section-2`,
          selectors: [{ type: "TextQuoteSelector", exact, prefix }],
          body: "seen on the page",
          tags: ["web"],
          creatorId: researcher.id,
        }),
      );
    const onPage = await note("a strike that closed the estuary", "answered with ");
    const lost = await note("a sentence the page no longer has");
    const source = await db.document.findUniqueOrThrow({ where: { id: onPage.documentId } });
    // One web source per page (the fragment is not part of it); it has no text and is not a listed document.
    expect(source).toMatchObject({ kind: "webSource", sourceUrl: PAGE, title: PAGE, text: "" });
    expect(lost.documentId).toBe(source.id);
    expect(onPage).toMatchObject({ start: 0, end: 0, quote: "a strike that closed the estuary", tags: ["web"] });
    const listed = await call(documents.GET, { token: owner.token, params: { id: workspaceId } });
    expect(listed.body.items).toEqual([]);
    // In the W3C JSON-LD export, a web source's passage targets the page with the selectors it came with.
    const exported = await call(exportRoute.GET, {
      token: owner.token,
      params: { id: workspaceId },
      path: "/api/test?format=jsonld",
    });
    expect(exported.status).toBe(200);
    const item = exported.body.first.items.find((candidate: { id: string }) => candidate.id.endsWith(onPage.id));
    expect(item.target).toEqual({
      source: PAGE,
      selector: [{ type: "TextQuoteSelector", exact: "a strike that closed the estuary", prefix: "answered with " }],
    });

    const imported = await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title: "Harbour", text: TEXT, sourceUrl: PAGE },
    });
    expect(imported.status).toBe(201);
    const moved = await db.annotation.findUniqueOrThrow({ where: { id: onPage.id } });
    const start = Array.from(TEXT).join("").indexOf("a strike");
    expect(moved).toMatchObject({
      documentId: imported.body.id,
      anchorStatus: "anchored",
      start,
      end: start + "a strike that closed the estuary".length,
      quote: "a strike that closed the estuary",
    });
    expect(await db.annotation.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      documentId: imported.body.id,
      anchorStatus: "orphaned",
    });
    expect((await db.document.findUniqueOrThrow({ where: { id: source.id } })).deletedAt).not.toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import * as annotation from "@/app/api/v1/annotations/[id]/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import * as readerText from "@/app/documents/[id]/reader-text/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { readFixture } from "../fixtures/texts";
import { call, expectError, importText, workspaceWithTeam } from "../support/api";

const essay = readFixture("axis").trim();

describe("the reader's text for the browser (/documents/{id}/reader-text)", () => {
  it("is the rendered text with the highlights this reader may see, keyed by them; a 404 for others", async () => {
    const { owner, researcher, outsider, workspaceId } = await workspaceWithTeam("rtx", "Reader text");
    const documentId = await importText(owner.token, workspaceId, "Axis essay", essay);
    const before = await call(readerText.GET, { token: researcher.token, params: { id: documentId } });
    expect(before.status).toBe(200);
    expect(before.body.annotationIds).toEqual([]);
    expect(before.body.html).toContain('data-o="0"');
    const created = await call(annotations.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: documentId },
      body: { selectors: describeQuote(essay, "Okhotsk")! },
    });
    const after = await call(readerText.GET, { token: researcher.token, params: { id: documentId } });
    expect(after.body.annotationIds).toEqual([created.body.id]);
    expect(after.body.html).toContain('<mark data-a="0">Okhotsk</mark>');
    expect(after.body.key).not.toBe(before.body.key);
    expectError(await call(readerText.GET, { token: outsider.token, params: { id: documentId } }), 404);
  });

  it("follows a revision: the new version's text under a new key, and no highlight for a passage it orphaned", async () => {
    const { owner, workspaceId } = await workspaceWithTeam("rtv", "Reader text revisions");
    const documentId = await importText(owner.token, workspaceId, "Axis essay", essay);
    const created = await call(annotations.POST, {
      method: "POST",
      token: owner.token,
      params: { id: documentId },
      body: { selectors: describeQuote(essay, "Okhotsk")! },
    });
    const read = async () => (await call(readerText.GET, { token: owner.token, params: { id: documentId } })).body;
    const first = await read();
    expect(first.html).toContain('<mark data-a="0">Okhotsk</mark>');
    // Same highlights, same text: the same key (the cached text).
    expect((await read()).key).toBe(first.key);

    // A revision that keeps the passage but changes words elsewhere: a new key, the new words.
    const revised = essay.replace(/\bthe\b/, "THE-REVISED");
    const second = await call(documentText.PUT, {
      method: "PUT",
      token: owner.token,
      params: { id: documentId },
      body: { text: revised, version: 1 },
    });
    expect(second.status).toBe(200);
    const afterRevision = await read();
    expect(afterRevision.key).not.toBe(first.key);
    expect(afterRevision.html).toContain("THE-REVISED");
    expect(afterRevision.annotationIds).toEqual([created.body.id]);

    // A revision that deletes the passage: the annotation is orphaned and its highlight gone.
    const third = await call(documentText.PUT, {
      method: "PUT",
      token: owner.token,
      params: { id: documentId },
      body: { text: revised.replace(/[^.]*Okhotsk[^.]*\./, ""), version: 2 },
    });
    expect(third.body.reanchoring.orphaned).toBe(1);
    const afterOrphan = await read();
    expect(afterOrphan.annotationIds).toEqual([]);
    expect(afterOrphan.html).not.toContain("<mark");
    expect(afterOrphan.html).not.toContain("Okhotsk");
  });

  it("keeps its key until a highlight changes: recoloured, hidden, restored, deleted (each reader as they may see it)", async () => {
    const { owner, moderator, researcher, workspaceId } = await workspaceWithTeam("rtk", "Reader text keys");
    const documentId = await importText(owner.token, workspaceId, "Axis essay", essay);
    const read = async (token: string) =>
      (await call(readerText.GET, { token, params: { id: documentId } })).body as {
        key: string;
        html: string;
        annotationIds: string[];
      };
    const created = await call(annotations.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: documentId },
      body: { selectors: describeQuote(essay, "Okhotsk")!, color: "yellow" },
    });
    const id = created.body.id as string;
    const first = await read(researcher.token);
    expect(first.annotationIds).toEqual([id]);
    // An edit that leaves the highlight as it was keeps the key (the same rendered text).
    await call(annotation.PATCH, {
      method: "PATCH",
      token: researcher.token,
      params: { id },
      body: { body: "Why?", version: 1 },
    });
    expect((await read(researcher.token)).key).toBe(first.key);

    await call(annotation.PATCH, {
      method: "PATCH",
      token: researcher.token,
      params: { id },
      body: { color: "blue", version: 2 },
    });
    const recoloured = await read(researcher.token);
    expect(recoloured.key).not.toBe(first.key);
    expect(recoloured.html).toContain('class="hl-blue"');

    const hide = await call(actions.POST, {
      method: "POST",
      token: moderator.token,
      body: { targetType: "annotation", targetId: id, action: "hide", reason: "Off topic", version: 3 },
    });
    expect(hide.status).toBe(201);
    expect((await read(researcher.token)).annotationIds).toEqual([]);
    expect((await read(moderator.token)).annotationIds).toEqual([id]);

    const restore = await call(actions.POST, {
      method: "POST",
      token: moderator.token,
      body: { targetType: "annotation", targetId: id, action: "restore", reason: "On topic after all", version: 4 },
    });
    expect(restore.status).toBe(201);
    expect((await read(researcher.token)).key).toBe(recoloured.key);

    expect((await call(annotation.DELETE, { method: "DELETE", token: researcher.token, params: { id } })).status).toBe(
      204,
    );
    const deleted = await read(researcher.token);
    expect(deleted.annotationIds).toEqual([]);
    expect(deleted.html).not.toContain("<mark");
  });
});

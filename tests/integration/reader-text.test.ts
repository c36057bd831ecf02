import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as readerText from "@/app/documents/[id]/reader-text/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { readFixture } from "../fixtures/texts";
import { call, expectError, workspaceWithTeam } from "../support/api";

const essay = readFixture("axis").trim();

describe("the reader's text for the browser (/documents/{id}/reader-text)", () => {
  it("is the rendered text with the highlights this reader may see, keyed by them; a 404 for others", async () => {
    const { owner, researcher, outsider, workspaceId } = await workspaceWithTeam("rtx", "Reader text");
    const documentId = (
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title: "Axis essay", text: essay },
      })
    ).body.id as string;
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
});

import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import { db } from "@/lib/db";
import { call, expectError, workspaceWithTeam } from "../support/api";
import { multipart } from "../support/fixtures";

const TEXT =
  "Harbour fees rose twice in one winter.\n\nThe pilots' guild answered with a strike that closed the estuary for nine days.";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("duplicate imports", () => {
  it("recognizes a text the workspace already holds, pasted or uploaded, unless allowed", async () => {
    const { owner, researcher, workspaceId } = await workspaceWithTeam("dup", "Duplicates");
    const paste = (body: object, path?: string) =>
      call(documents.POST, { method: "POST", token: owner.token, params: { id: workspaceId }, body, path });
    const uploadAs = (token: string, fields: Record<string, string>, text: string) =>
      call(documents.POST, {
        method: "POST",
        token,
        params: { id: workspaceId },
        form: multipart(fields, { name: "harbour.txt", type: "text/plain", bytes: bytes(text) }),
      });

    const first = await paste({ title: "Harbour", text: TEXT });
    expect(first.status).toBe(201);

    const again = await paste({ title: "Harbour again", text: TEXT });
    expectError(again, 409);
    expect(again.body.error).toMatchObject({ code: "duplicate", existingId: first.body.id });
    expect(again.body.error.message).toContain("Harbour");

    // An uploaded file whose canonical text is the same (trailing blank lines are not text) is the same document.
    const uploaded = await uploadAs(researcher.token, {}, `${TEXT}\n\n\n`);
    expectError(uploaded, 409);
    expect(uploaded.body.error.existingId).toBe(first.body.id);
    expect(await db.document.count({ where: { workspaceId } })).toBe(1);

    // Asked for: a second copy, as JSON, as a form field or as a query parameter.
    expect((await paste({ title: "Copy", text: TEXT, allowDuplicate: true })).status).toBe(201);
    expect((await uploadAs(researcher.token, { allowDuplicate: "true" }, TEXT)).status).toBe(201);
    expect((await paste({ title: "Copy 3", text: TEXT }, "/api/test?allowDuplicate=true")).status).toBe(201);
    expect(await db.document.count({ where: { workspaceId } })).toBe(4);

    // A different text is not a duplicate; neither is the same text in another workspace.
    expect((await paste({ title: "Other", text: `${TEXT} The guild won.` })).status).toBe(201);
    const elsewhere = await workspaceWithTeam("dup-elsewhere", "Elsewhere");
    const inOther = await call(documents.POST, {
      method: "POST",
      token: elsewhere.owner.token,
      params: { id: elsewhere.workspaceId },
      body: { title: "Harbour", text: TEXT },
    });
    expect(inOther.status).toBe(201);
  });

  it("forgets a deleted document", async () => {
    const { owner, workspaceId } = await workspaceWithTeam("dup-deleted", "Deleted duplicates");
    const paste = () =>
      call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title: "Once", text: TEXT },
      });
    const first = await paste();
    expect(first.status).toBe(201);
    const deleted = await call(document.DELETE, {
      method: "DELETE",
      token: owner.token,
      params: { id: first.body.id },
    });
    expect(deleted.status).toBe(204);
    expect((await paste()).status).toBe(201);
  });

  it("lets exactly one of several identical uploads sent at once through", async () => {
    const { owner, workspaceId } = await workspaceWithTeam("dup-race", "Racing duplicates");
    const text = `${TEXT}\n\nSent ${Date.now()} times at once.`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(documents.POST, {
          method: "POST",
          token: owner.token,
          params: { id: workspaceId },
          form: multipart({}, { name: "race.txt", type: "text/plain", bytes: bytes(text) }),
        }),
      ),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(refused).toHaveLength(5);
    for (const answer of refused)
      expect(answer.body.error).toMatchObject({ code: "duplicate", existingId: created[0]!.body.id });
    expect(await db.document.count({ where: { workspaceId } })).toBe(1);
  });
});

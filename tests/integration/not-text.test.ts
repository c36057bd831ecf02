import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as users from "@/app/api/v1/users/route";
import * as workspaces from "@/app/api/v1/workspaces/route";
import { db } from "@/lib/db";
import { call, expectError, uniqueEmail, workspaceWithTeam } from "../support/api";
import { makePdf, multipart } from "../support/fixtures";

const RLO = "\u202e"; // RIGHT-TO-LEFT OVERRIDE: "‮fdp.exe" reads as "exe.pdf"

describe("text that is not text", () => {
  it("refuses binary data named .txt, and imports a PDF named .txt as the PDF it is", async () => {
    const { owner, workspaceId } = await workspaceWithTeam("not-text", "Not text");
    const upload = (name: string, bytes: Uint8Array) =>
      call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        form: multipart({}, { name, type: "text/plain", bytes }),
      });
    const before = await db.document.count({ where: { workspaceId } });
    const garbage = await upload("notes.txt", new Uint8Array(randomBytes(200_000)));
    expectError(garbage, 415);
    expect(garbage.body.error.message).toMatch(/does not contain text/);
    expect(await db.document.count({ where: { workspaceId } })).toBe(before);

    const pdf = await makePdf({ title: "A report", author: "Ada Novak", pages: [["A PDF that was named as text."]] });
    const asText = await upload("report.txt", pdf);
    expect(asText.status).toBe(201);
    expect(asText.body.sourceFormat).toBe("pdf");
    const stored = await db.document.findUniqueOrThrow({ where: { id: asText.body.id } });
    expect(stored.text).toContain("A PDF that was named as text.");
    expect(stored.text).not.toContain("%PDF");
  });

  it("neutralizes bidirectional overrides in titles and names", async () => {
    const { owner, workspaceId } = await workspaceWithTeam("bidi", "Bidi");
    const created = await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title: `Report ${RLO}fdp.exe`, text: "Some text." },
    });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe("Report fdp.exe");
    const signedUp = await call(users.POST, {
      method: "POST",
      body: { email: uniqueEmail("bidi"), name: `Mallory ${RLO}nimda`, password: "a long enough password" },
    });
    expect(signedUp.body.name).toBe("Mallory nimda");
    const workspace = await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: `${RLO}Team` } });
    expect(workspace.body.name).toBe("Team");
    const fromFile = await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      form: multipart({}, { name: `${RLO}txt.exe.txt`, type: "text/plain", bytes: new TextEncoder().encode("Body.") }),
    });
    expect(fromFile.body.title).not.toContain(RLO);
  });
});

import { describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/users/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import * as members from "@/app/api/v1/workspaces/[id]/members/route";
import * as member from "@/app/api/v1/workspaces/[id]/members/[userId]/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as annotation from "@/app/api/v1/annotations/[id]/route";
import * as search from "@/app/api/v1/workspaces/[id]/search/route";
import * as preview from "@/app/api/v1/markdown/preview/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as thread from "@/app/api/v1/annotations/[id]/thread/route";
import * as reply from "@/app/api/v1/replies/[id]/route";
import * as replyVotes from "@/app/api/v1/replies/[id]/votes/route";
import * as links from "@/app/api/v1/links/route";
import * as link from "@/app/api/v1/links/[id]/route";
import * as linkVotes from "@/app/api/v1/links/[id]/votes/route";
import * as workspaceLinks from "@/app/api/v1/workspaces/[id]/links/route";
import * as claims from "@/app/api/v1/workspaces/[id]/claims/route";
import * as claimPassages from "@/app/api/v1/claims/[id]/passages/route";
import * as events from "@/app/api/v1/workspaces/[id]/events/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { call, makeUser } from "../support/api";

type Write = { handler: Parameters<typeof call>[0]; method: string; params: Record<string, string> };

// Every write with every bad body: a 4xx in the error envelope. Returns how many were sent.
async function expectAllRefused(writes: Write[], bodies: Parameters<typeof call>[1][], token: string) {
  let checked = 0;
  for (const { handler, method, params } of writes) {
    for (const input of bodies) {
      const result = await call(handler, { method, token, params, ...input });
      expect(
        result.status,
        `${method} ${JSON.stringify(params)} ${JSON.stringify(input).slice(0, 80)}`,
      ).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      expect(result.body.error).toEqual(
        expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
      );
      checked += 1;
    }
  }
  return checked;
}

const MALFORMED = [
  "{",
  "not json",
  "[1,2",
  '{"name":',
  "null",
  "42",
  '"text"',
  "[]",
  '{"name": {"$gt": ""}}',
  "\u0000\u0001",
  // 10,000 levels (20 KB): refused before anything recurses into it.
  "[".repeat(10_000) + "]".repeat(10_000),
  '{"name":'.repeat(10_000) + "1" + "}".repeat(10_000),
];

describe("bad input never causes a 5xx or a partial write", () => {
  it("answers 4xx in the error envelope for malformed, mistyped, oversized and unknown-id requests", async () => {
    const owner = await makeUser("fuzz-owner");
    const created = await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Fuzz" } });
    const id = created.body.id as string;
    const before = await Promise.all([
      db.user.count(),
      db.workspace.count(),
      db.membership.count(),
      db.invitation.count(),
    ]);

    const writes: { handler: Parameters<typeof call>[0]; params: Record<string, string> }[] = [
      { handler: users.POST, params: {} },
      { handler: workspaces.POST, params: {} },
      { handler: workspace.PATCH, params: { id } },
      { handler: members.POST, params: { id } },
      { handler: member.PATCH, params: { id, userId: owner.id } },
    ];
    const bodies: { rawBody?: string; body?: unknown; headers?: Record<string, string> }[] = [
      ...MALFORMED.map((rawBody) => ({ rawBody, headers: { "content-type": "application/json" } })),
      { body: {} },
      { body: { name: 12, email: ["x"], role: "god", visibility: "secret", password: null } },
      { body: { name: "x".repeat(5000), email: `${"a".repeat(300)}@x.example` } },
      {
        rawBody: JSON.stringify({ name: "y".repeat(2 * 1024 * 1024) }),
        headers: { "content-type": "application/json" },
      },
      { rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
    ];
    let checked = 0;
    for (const { handler, params } of writes) {
      for (const input of bodies) {
        const method = handler === workspace.PATCH || handler === member.PATCH ? "PATCH" : "POST";
        const result = await call(handler, { method, token: owner.token, params, ...input });
        expect(
          result.status,
          `${method} ${JSON.stringify(params)} ${JSON.stringify(input).slice(0, 80)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(result.status).toBeLessThan(500);
        expect(result.body.error).toEqual(
          expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
        );
        checked += 1;
      }
    }
    for (const unknown of ["nope", '\'; DROP TABLE "User"; --', "x".repeat(500), "%00"]) {
      for (const result of [
        await call(workspace.GET, { token: owner.token, params: { id: unknown } }),
        await call(members.GET, { token: owner.token, params: { id: unknown } }),
        await call(member.DELETE, { method: "DELETE", token: owner.token, params: { id, userId: unknown } }),
      ]) {
        expect(result.status).toBe(404);
        checked += 1;
      }
    }
    const oversized = await call(tokens.GET, { token: owner.token, path: "/api/v1/tokens" });
    expect(oversized.status).toBe(200);
    const after = await Promise.all([
      db.user.count(),
      db.workspace.count(),
      db.membership.count(),
      db.invitation.count(),
    ]);
    expect(after).toEqual(before);
    expect(checked).toBeGreaterThan(70);
  });
});

describe("bad input to documents and annotations", () => {
  it("answers 4xx in the envelope and writes nothing", async () => {
    const owner = await makeUser("fuzz-docs");
    const workspaceId = (
      await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Fuzz docs" } })
    ).body.id as string;
    const documentId = (
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title: "Target", text: "Alpha beta gamma. Delta epsilon." },
      })
    ).body.id as string;
    const count = () =>
      Promise.all([
        db.document.count(),
        db.documentRevision.count(),
        db.annotation.count(),
        db.document.findUniqueOrThrow({ where: { id: documentId } }),
      ]);
    const before = await count();
    const writes = [
      { handler: documents.POST, method: "POST", params: { id: workspaceId } },
      { handler: document.PATCH, method: "PATCH", params: { id: documentId } },
      { handler: documentText.PUT, method: "PUT", params: { id: documentId } },
      { handler: annotations.POST, method: "POST", params: { id: documentId } },
      { handler: preview.POST, method: "POST", params: {} },
    ] as { handler: Parameters<typeof call>[0]; method: string; params: Record<string, string> }[];
    const bodies = [
      ...MALFORMED.map((rawBody) => ({ rawBody, headers: { "content-type": "application/json" } })),
      { body: {} },
      { body: { title: 5, text: ["x"], markdown: null, version: "one", selectors: "all", body: 1 } },
      { body: { text: "a", html: "<p>b</p>", version: 99 } },
      { body: { selectors: [{ type: "TextPositionSelector", start: -1, end: 1e12 }] } },
      { body: { selectors: [{ type: "XPathSelector", value: "/html" }], tags: Array(50).fill("t") } },
      { body: { sourceUrl: "javascript:alert(1)", title: "x", text: "y", publishedAt: "yesterday" } },
      {
        rawBody: JSON.stringify({ text: "z".repeat(13 * 1024 * 1024) }),
        headers: { "content-type": "application/json" },
      },
      { rawBody: "--x\r\nbroken multipart", headers: { "content-type": "multipart/form-data; boundary=x" } },
      { rawBody: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } },
    ];
    let checked = await expectAllRefused(writes, bodies, owner.token);
    for (const unknown of ["nope", '\'; DROP TABLE "Document"; --', "x".repeat(500)]) {
      for (const result of [
        await call(document.GET, { token: owner.token, params: { id: unknown } }),
        await call(annotations.GET, { token: owner.token, params: { id: unknown } }),
        await call(annotation.PATCH, {
          method: "PATCH",
          token: owner.token,
          params: { id: unknown },
          body: { body: "x", version: 1 },
        }),
        await call(search.GET, { token: owner.token, params: { id: unknown }, path: "/x?q=a" }),
      ]) {
        expect(result.status).toBe(404);
        checked += 1;
      }
    }
    // Search syntax errors are not errors: websearch_to_tsquery accepts anything.
    for (const q of ['"unclosed', "a & | ! b", "-", "((", "\u0000", "x".repeat(400)]) {
      const result = await call(search.GET, {
        token: owner.token,
        params: { id: workspaceId },
        path: `/x?q=${encodeURIComponent(q)}`,
      });
      expect(result.status, q).toBeLessThan(500);
      checked += 1;
    }
    expect(await count()).toEqual(before);
    expect(checked).toBeGreaterThan(60);
  });
});

describe("bad input to threads, votes, links and claims", () => {
  it("answers 4xx in the envelope and writes nothing", async () => {
    const owner = await makeUser("fuzz-debate");
    const workspaceId = (
      await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Fuzz debate" } })
    ).body.id as string;
    const text = "Alpha beta gamma. Delta epsilon.";
    const documentId = (
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title: "Target", text },
      })
    ).body.id as string;
    const annotate = async (quote: string) =>
      (
        await call(annotations.POST, {
          method: "POST",
          token: owner.token,
          params: { id: documentId },
          body: { selectors: describeQuote(text, quote) },
        })
      ).body.id as string;
    const [first, second] = [await annotate("Alpha beta"), await annotate("Delta")];
    const replyId = (
      await call(replies.POST, {
        method: "POST",
        token: owner.token,
        params: { id: first },
        body: { body: "Seed reply", stance: "asks" },
      })
    ).body.id as string;
    const linkId = (
      await call(links.POST, {
        method: "POST",
        token: owner.token,
        body: { fromAnnotationId: first, toAnnotationId: second, relation: "agrees" },
      })
    ).body.id as string;
    const claimId = (
      await call(claims.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title: "A claim" },
      })
    ).body.id as string;
    const count = () =>
      Promise.all([
        db.reply.count(),
        db.vote.count(),
        db.passageLink.count(),
        db.claim.count(),
        db.claimPassage.count(),
        db.replyEdit.count(),
        db.reply.findUniqueOrThrow({ where: { id: replyId } }),
      ]);
    const before = await count();
    const writes = [
      { handler: replies.POST, method: "POST", params: { id: first } },
      { handler: reply.PATCH, method: "PATCH", params: { id: replyId } },
      { handler: replyVotes.POST, method: "POST", params: { id: replyId } },
      { handler: links.POST, method: "POST", params: {} },
      { handler: linkVotes.POST, method: "POST", params: { id: linkId } },
      { handler: claims.POST, method: "POST", params: { id: workspaceId } },
      { handler: claimPassages.POST, method: "POST", params: { id: claimId } },
    ] as { handler: Parameters<typeof call>[0]; method: string; params: Record<string, string> }[];
    const bodies = [
      ...MALFORMED.map((rawBody) => ({ rawBody, headers: { "content-type": "application/json" } })),
      { body: {} },
      {
        body: {
          body: 5,
          stance: "maybe",
          value: 2,
          relation: "refutes",
          title: ["x"],
          annotationId: null,
          version: "1",
        },
      },
      {
        body: {
          body: "   ",
          stance: "supports",
          value: "1",
          fromAnnotationId: first,
          toAnnotationId: first,
          relation: "agrees",
          title: "x",
          version: 0,
        },
      },
      {
        body: {
          body: "ok",
          stance: "supports",
          parentId: "nope",
          value: 1.5,
          fromAnnotationId: first,
          toAnnotationId: '\'; DROP TABLE "Reply"; --',
          relation: "agrees",
          title: "ab",
          annotationId: "nope",
          stance2: 1,
        },
      },
      { body: { body: "x".repeat(20_001), stance: "opposes", rationale: "r".repeat(6000), version: 1 } },
      {
        rawBody: JSON.stringify({ body: "y".repeat(2 * 1024 * 1024), stance: "asks" }),
        headers: { "content-type": "application/json" },
      },
      { rawBody: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } },
    ];
    let checked = await expectAllRefused(writes, bodies, owner.token);
    for (const unknown of ["nope", '\'; DROP TABLE "Reply"; --', "x".repeat(500)]) {
      for (const result of [
        await call(thread.GET, { token: owner.token, params: { id: unknown } }),
        await call(replies.POST, {
          method: "POST",
          token: owner.token,
          params: { id: unknown },
          body: { body: "x", stance: "asks" },
        }),
        await call(replyVotes.POST, {
          method: "POST",
          token: owner.token,
          params: { id: unknown },
          body: { value: 1 },
        }),
        await call(link.GET, { token: owner.token, params: { id: unknown } }),
        await call(workspaceLinks.GET, { token: owner.token, params: { id: unknown } }),
        await call(events.GET, { token: owner.token, params: { id: unknown } }),
      ]) {
        expect(result.status).toBe(404);
        checked += 1;
      }
      // An id longer than any id is invalid input; a well-formed unknown one is not found.
      const stream = await call(events.GET, {
        token: owner.token,
        params: { id: workspaceId },
        path: `/x?documentId=${encodeURIComponent(unknown)}`,
      });
      expect(stream.status).toBe(unknown.length > 64 ? 400 : 404);
      checked += 1;
    }
    expect(await count()).toEqual(before);
    expect(checked).toBeGreaterThan(70);
  });
});

describe("hostile path ids and deep JSON", () => {
  it("answers 404 for ids with NUL, lone surrogates (invalid UTF-8) or absurd length, before any query", async () => {
    const owner = await makeUser("path-owner");
    const id = (await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Paths" } })).body
      .id as string;
    for (const hostile of ["\u0000", `${id}\u0000`, "\ud800", "x\udfffy", "x".repeat(5_000)]) {
      for (const result of [
        await call(workspace.GET, { token: owner.token, params: { id: hostile } }),
        await call(members.GET, { params: { id: hostile } }),
        await call(document.GET, { token: owner.token, params: { id: hostile } }),
        await call(annotations.GET, { token: owner.token, params: { id: hostile } }),
        await call(member.DELETE, { method: "DELETE", token: owner.token, params: { id, userId: hostile } }),
      ]) {
        expect(result.status, JSON.stringify(hostile).slice(0, 40)).toBe(404);
        expect(result.body.error.code).toBe("not_found");
      }
    }
    expect(await db.membership.count({ where: { workspaceId: id } })).toBe(1);
  });

  it("refuses 10,000-level JSON with 400 on anonymous sign-up", async () => {
    const before = await db.user.count();
    for (const rawBody of [
      "[".repeat(10_000) + "]".repeat(10_000),
      `{"email":"deep@test.example","name":"Deep","password":"correct horse battery","x":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
    ]) {
      const result = await call(users.POST, {
        method: "POST",
        rawBody,
        headers: { "content-type": "application/json" },
      });
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe("invalid_input");
    }
    expect(await db.user.count()).toBe(before);
  });
});

// Thousands of malformed, mistyped and oversized requests to every operation in the
// OpenAPI document, as the workspace owner (who gets furthest into each handler):
// never a 5xx, and nothing stored changes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { seededRandom } from "../support/simulate-revision";
import { buildWorld, handlerFor, invoke, type CallRequest, type Space, type World } from "../support/api-world";

const NASTY_IDS = [
  "",
  "nope",
  '\'; DROP TABLE "User"; --',
  "x".repeat(300),
  "%00",
  "..%2F..%2Fetc%2Fpasswd",
  "{{7*7}}",
  "😀",
  "\u202e",
  "null",
  "[]",
];
const NASTY_VALUES: unknown[] = [
  null,
  true,
  -1,
  1e308,
  "",
  " ",
  "x".repeat(30_000),
  "\u0000",
  "<script>alert(1)</script>",
  "😀".repeat(1000),
  [],
  [null],
  {},
  { $gt: "" },
  { __proto__: { admin: true } },
  "2026-13-45",
  "javascript:alert(1)",
  ["a", 1, null],
];
const FIELDS = [
  "title",
  "text",
  "markdown",
  "html",
  "body",
  "stance",
  "parentId",
  "value",
  "relation",
  "rationale",
  "fromAnnotationId",
  "toAnnotationId",
  "selectors",
  "tags",
  "color",
  "version",
  "name",
  "email",
  "password",
  "role",
  "visibility",
  "preModeration",
  "targetType",
  "targetId",
  "action",
  "reason",
  "annotationId",
  "description",
  "authors",
  "sourceUrl",
  "publishedAt",
  "note",
  "itemIds",
  "scope",
  "format",
  "type",
  "id",
];
const RAW_BODIES = [
  "{",
  "not json",
  "[1,2",
  '{"a":',
  "null",
  "42",
  '"text"',
  "\u0000\u0001",
  "{".repeat(5000),
  JSON.stringify({ body: "y".repeat(2 * 1024 * 1024) }),
];

// A value no field accepts (not a string, number, boolean, enum member or array).
const POISON = { $gt: "" };

// Bodies that must all be refused: malformed JSON, the wrong shape, and objects built
// from the operation's own request schema with at least one field poisoned.
function bodies(random: () => number, properties: string[]): { body?: unknown; rawBody?: string }[] {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const fields = properties.length ? properties : FIELDS;
  const objects = Array.from({ length: 14 }, () => {
    const body: Record<string, unknown> = Object.fromEntries(
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => [pick([...fields, ...FIELDS]), pick(NASTY_VALUES)]),
    );
    body[pick(fields)] = POISON;
    return body;
  });
  return [
    ...RAW_BODIES.map((rawBody) => ({ rawBody })),
    ...objects.map((body) => ({ body })),
    { body: [] },
    { body: "string" },
    { body: null },
  ];
}

type Schema = { $ref?: string; properties?: Record<string, unknown> };
function requestProperties(
  document: { components: { schemas: Record<string, Schema> } },
  operation: { requestBody?: { content?: Record<string, { schema?: Schema }> } },
): string[] {
  let schema = operation.requestBody?.content?.["application/json"]?.schema;
  if (schema?.$ref) schema = document.components.schemas[schema.$ref.split("/").pop()!];
  return Object.keys(schema?.properties ?? {});
}

// Valid ids where the operation's id must exist (so validation is reached), nasty ones otherwise.
function paramSets(route: string, space: Space, method: string): Record<string, string>[] {
  const names = Array.from(route.matchAll(/\{([^}]+)\}/g), (match) => match[1]!);
  if (!names.length) return [{}];
  const valid: Record<string, string> = {};
  for (const name of names) {
    valid[name] =
      name === "userId"
        ? ""
        : name === "annotationId"
          ? space.annotationId
          : name === "invitationId"
            ? ""
            : route.startsWith("/api/v1/workspaces/")
              ? space.id
              : route.startsWith("/api/v1/documents/")
                ? space.documentId
                : route.startsWith("/api/v1/annotations/")
                  ? space.annotationId
                  : route.startsWith("/api/v1/replies/")
                    ? space.replyId
                    : route.startsWith("/api/v1/links/")
                      ? space.linkId
                      : route.startsWith("/api/v1/claims/")
                        ? space.claimId
                        : route.startsWith("/api/v1/collections/")
                          ? name === "itemId"
                            ? space.collectionItemId
                            : space.collectionId
                          : "";
  }
  const nasty = NASTY_IDS.map((id) => Object.fromEntries(names.map((name) => [name, id])));
  // A valid id with a DELETE would delete: only nasty ids there.
  return method === "DELETE" ? nasty : [valid, ...nasty];
}

async function snapshot() {
  const counts = await Promise.all([
    db.user.count(),
    db.workspace.count(),
    db.membership.count(),
    db.invitation.count(),
    db.document.count(),
    db.documentRevision.count(),
    db.annotation.count(),
    db.reply.count(),
    db.replyEdit.count(),
    db.vote.count(),
    db.passageLink.count(),
    db.claim.count(),
    db.claimPassage.count(),
    db.flag.count(),
    db.moderationAction.count(),
    db.apiToken.count(),
    db.collection.count(),
    db.collectionItem.count(),
    db.exportJob.count(),
    db.notification.count(),
    db.follow.count(),
    db.suggestionDismissal.count(),
  ]);
  const stamps = await db.$queryRaw<{ stamp: string }[]>`
    SELECT concat_ws('|', (SELECT max("updatedAt") FROM "Workspace"), (SELECT max("updatedAt") FROM "Document"), (SELECT max("updatedAt") FROM "Annotation"),
      (SELECT max("updatedAt") FROM "Reply"), (SELECT max("updatedAt") FROM "PassageLink"), (SELECT sum(score) FROM "Reply"), (SELECT max("updatedAt") FROM "Membership"), (SELECT max("updatedAt") FROM "Collection"), (SELECT string_agg(note || position, ',' ORDER BY id) FROM "CollectionItem"),
      (SELECT string_agg(status::text, ',' ORDER BY id) FROM "Invitation")) AS stamp`;
  return { counts, stamp: stamps[0]!.stamp };
}

describe("fuzzing every route", () => {
  it(
    "answers thousands of bad requests without a 5xx and without changing stored data",
    { timeout: 600_000 },
    async () => {
      const world: World = await buildWorld();
      const owner = world.users.owner;
      const random = seededRandom(42);
      const document = buildOpenApiDocument("http://localhost") as unknown as {
        paths: Record<string, Record<string, object>>;
        components: { schemas: Record<string, Schema> };
      };
      const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
        Object.entries(methods).map(
          ([method, operation]) => [method.toUpperCase(), route, requestProperties(document, operation)] as const,
        ),
      );
      const before = await snapshot();
      const failures: string[] = [];
      let sent = 0;
      for (const [method, route, properties] of operations) {
        const handler = handlerFor(route, method)!;
        const isStream = route.endsWith("/events");
        for (const space of world.spaces) {
          for (const params of paramSets(route, space, method)) {
            const requests: CallRequest[] =
              method === "GET" || method === "DELETE"
                ? [
                    { params },
                    {
                      params,
                      path: `/x?limit=-5&cursor=${encodeURIComponent("'")}&q=${"%".repeat(3)}&documentId=${encodeURIComponent(NASTY_IDS[3]!)}&format=xml&relation=refutes&action=explode&type=all`,
                    },
                  ]
                : bodies(random, properties).map((body) => ({ params, ...body }));
            for (const request of requests) {
              const raw =
                "rawBody" in request
                  ? {
                      rawBody: (request as { rawBody: string }).rawBody,
                      headers: { "content-type": "application/json" },
                    }
                  : {};
              const status = isStream
                ? await invoke(handler, method, owner.token, request, true)
                : await callStatus(handler, method, owner.token, { ...request, ...raw });
              sent += 1;
              if (status >= 500)
                failures.push(`${method} ${route} ${JSON.stringify(request).slice(0, 160)} → ${status}`);
            }
          }
        }
      }
      console.log(`Fuzz: ${sent} requests to ${operations.length} operations, ${failures.length} answered 5xx.`);
      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThan(2000);
      expect(await snapshot()).toEqual(before);
    },
  );
});

async function callStatus(
  handler: Parameters<typeof invoke>[0],
  method: string,
  token: string,
  request: CallRequest & { rawBody?: string; headers?: Record<string, string> },
) {
  const { call } = await import("../support/api");
  return (await call(handler, { method, token, ...request })).status;
}

// Every API operation × every role × private and public workspaces (and, where
// authorship matters, the caller's own item and someone else's), each with the exact
// status the policy promises. The operations come from the OpenAPI document: an
// operation without a rule here fails the test.
import { describe, expect, it } from "vitest";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { signUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { can, type Permission } from "@/lib/policies/workspace-policy";
import { addMemberByInvitation, call, makeUser, uniqueEmail } from "../support/api";
import { schemaViolations } from "../support/response-schemas";
import {
  annotate,
  buildWorld,
  collection,
  finishedExport,
  handlerFor,
  importDocument,
  invoke,
  link,
  reply,
  ROLES,
  spareMember,
  TEXT,
  type CallRequest,
  type Role,
  type Space,
  type User,
  type World,
} from "../support/api-world";

// How to call an operation on a space as someone (fresh items where the call changes them).
type Target = (world: World, space: Space, as: User | null) => Promise<CallRequest>;
// who: "workspace": the workspace permission decides; "author": the item's author (with
// the permission) or a moderator; "author-only": the author alone.
type Rule = {
  permission: Permission;
  who: "workspace" | "author" | "author-only";
  needsActor: boolean;
  ok: number;
  target: Target;
  stream?: boolean;
};
const text = (token: string) => `Matrix reply ${token}`;
// A Web Annotation on the space's document (requests are made to http://localhost).
const w3cAnnotation = (space: Space, body: string, selector?: object) => ({
  type: "Annotation",
  body: { type: "TextualBody", value: body },
  target: { source: `http://localhost/documents/${space.documentId}`, ...(selector ? { selector } : {}) },
});

// A document of the space imported from a file (so it has an original), once per space.
const fileDocuments = new Map<string, Promise<string>>();
function fileDocument(space: Space) {
  if (!fileDocuments.has(space.id)) {
    const form = new FormData();
    form.set("file", new File([TEXT], "matrix.txt", { type: "text/plain" }));
    // The space's document holds the same text, pasted.
    form.set("allowDuplicate", "true");
    const imported = call(handlerFor("/api/v1/workspaces/{id}/documents", "post")!, {
      method: "POST",
      token: space.owner.token,
      params: { id: space.id },
      form,
    }).then((response) => response.body.id as string);
    fileDocuments.set(space.id, imported);
  }
  return fileDocuments.get(space.id)!;
}

// A researcher of the space who is none of the callers.
async function contributor(space: Space) {
  const user = await makeUser("contributor");
  await addMemberByInvitation(space.owner.token, space.id, user, "researcher");
  return user;
}

// A pending invitation of the space, to an email that is none of the callers'.
async function invitation(space: Space) {
  const invited = await call(handlerFor("/api/v1/workspaces/{id}/members", "post")!, {
    method: "POST",
    token: space.owner.token,
    params: { id: space.id },
    body: { email: uniqueEmail("pending"), role: "viewer" },
  });
  const { id, acceptPath } = invited.body.invitation as { id: string; acceptPath: string };
  return { id, token: acceptPath.split("/").pop()! };
}

// The author of an item in "own" cases is the caller (when their role can create it), else the owner.
const authorFor = (space: Space, as: User | null, permission: Permission, role: Role) =>
  as && isMember(role) && !space.isForeign && can({ role, visibility: "private" }, permission) ? as : space.owner;
const isMember = (role: Role): role is "owner" | "moderator" | "researcher" | "viewer" =>
  ["owner", "moderator", "researcher", "viewer"].includes(role);

const workspaceRule = (
  permission: Permission,
  ok: number,
  target: Target,
  needsActor = permission !== "read" && permission !== "export",
): Rule => ({ permission, who: "workspace", needsActor, ok, target });
const read = (target: Target) => workspaceRule("read", 200, target);
const ws: Target = async (_, space) => ({ params: { id: space.id } });

const RULES: Record<string, Rule> = {
  "GET /api/v1/workspaces/{id}": read(ws),
  "PATCH /api/v1/workspaces/{id}": workspaceRule("manage_workspace", 200, async (_, space) => ({
    params: { id: space.id },
    body: { description: "Changed by the matrix" },
  })),
  "GET /api/v1/workspaces/{id}/members": read(ws),
  "POST /api/v1/workspaces/{id}/members": workspaceRule("manage_members", 201, async (_, space) => ({
    params: { id: space.id },
    body: { email: uniqueEmail("invitee"), role: "viewer" },
  })),
  "PATCH /api/v1/workspaces/{id}/members/{userId}": workspaceRule("manage_members", 200, async (world, space) => ({
    params: { id: space.id, userId: (await spareMember(world, space)).id },
    body: { role: "researcher" },
  })),
  "DELETE /api/v1/workspaces/{id}/members/{userId}": workspaceRule("manage_members", 204, async (world, space) => ({
    params: { id: space.id, userId: (await spareMember(world, space)).id },
  })),
  "DELETE /api/v1/workspaces/{id}/invitations/{invitationId}": workspaceRule(
    "manage_members",
    204,
    async (_, space) => ({ params: { id: space.id, invitationId: (await invitation(space)).id } }),
  ),
  "GET /api/v1/workspaces/{id}/documents": read(ws),
  "POST /api/v1/workspaces/{id}/documents": workspaceRule("import", 201, async (_, space) => ({
    params: { id: space.id },
    // The space already holds TEXT: a second copy, asked for (duplicates are tests/integration/duplicates.test.ts).
    body: { title: "Imported by the matrix", text: TEXT, allowDuplicate: true },
  })),
  "GET /api/v1/documents/{id}": read(async (_, space) => ({ params: { id: space.documentId } })),
  "PATCH /api/v1/documents/{id}": {
    permission: "import",
    who: "author",
    needsActor: true,
    ok: 200,
    target: async (world, space, as) => ({
      params: { id: await importDocument(space, authorFor(space, as, "import", roleOf(world, as))) },
      body: { title: "Renamed", metadataVersion: 1 },
    }),
  },
  "DELETE /api/v1/documents/{id}": {
    permission: "import",
    who: "author",
    needsActor: true,
    ok: 204,
    target: async (world, space, as) => ({
      params: { id: await importDocument(space, authorFor(space, as, "import", roleOf(world, as))) },
    }),
  },
  "PUT /api/v1/documents/{id}/text": {
    permission: "import",
    who: "author",
    needsActor: true,
    ok: 200,
    target: async (world, space, as) => ({
      params: { id: await importDocument(space, authorFor(space, as, "import", roleOf(world, as))) },
      body: { text: `${TEXT} More.`, version: 1 },
    }),
  },
  "GET /api/v1/documents/{id}/original": read(async (_, space) => ({ params: { id: await fileDocument(space) } })),
  "GET /api/v1/documents/{id}/annotations": read(async (_, space) => ({ params: { id: space.documentId } })),
  "POST /api/v1/documents/{id}/annotations": workspaceRule("annotate", 201, async (_, space) => ({
    params: { id: space.documentId },
    body: { selectors: describeQuote(TEXT, "An alliance"), body: "x" },
  })),
  "GET /api/v1/annotations/{id}": read(async (_, space) => ({ params: { id: space.annotationId } })),
  "PATCH /api/v1/annotations/{id}": {
    permission: "annotate",
    who: "author",
    needsActor: true,
    ok: 200,
    target: async (world, space, as) => ({
      params: { id: await annotate(space, authorFor(space, as, "annotate", roleOf(world, as))) },
      body: { body: "edited", version: 1 },
    }),
  },
  "DELETE /api/v1/annotations/{id}": {
    permission: "annotate",
    who: "author",
    needsActor: true,
    ok: 204,
    target: async (world, space, as) => ({
      params: { id: await annotate(space, authorFor(space, as, "annotate", roleOf(world, as))) },
    }),
  },
  "GET /api/v1/workspaces/{id}/search": read(async (_, space) => ({ params: { id: space.id }, path: "/x?q=hedge" })),
  // The W3C Web Annotation container of the workspace (lib/w3c).
  "GET /api/annotations/{workspaceId}": read(async (_, space) => ({ params: { workspaceId: space.id } })),
  "POST /api/annotations/{workspaceId}": workspaceRule("annotate", 201, async (_, space) => ({
    params: { workspaceId: space.id },
    body: w3cAnnotation(space, "x", { type: "TextQuoteSelector", exact: "An alliance" }),
  })),
  "GET /api/annotations/{workspaceId}/{annotationId}": read(async (_, space) => ({
    params: { workspaceId: space.id, annotationId: space.annotationId },
  })),
  "PUT /api/annotations/{workspaceId}/{annotationId}": {
    permission: "annotate",
    who: "author",
    needsActor: true,
    ok: 200,
    target: async (world, space, as) => ({
      params: {
        workspaceId: space.id,
        annotationId: await annotate(space, authorFor(space, as, "annotate", roleOf(world, as))),
      },
      body: w3cAnnotation(space, "edited"),
    }),
  },
  "DELETE /api/annotations/{workspaceId}/{annotationId}": {
    permission: "annotate",
    who: "author",
    needsActor: true,
    ok: 204,
    target: async (world, space, as) => ({
      params: {
        workspaceId: space.id,
        annotationId: await annotate(space, authorFor(space, as, "annotate", roleOf(world, as))),
      },
    }),
  },
  "GET /api/v1/workspaces/{id}/tags": read(ws),
  "POST /api/v1/annotations/{id}/replies": workspaceRule("reply", 201, async (_, space) => ({
    params: { id: space.annotationId },
    body: { body: text("a"), stance: "supports" },
  })),
  "GET /api/v1/annotations/{id}/thread": read(async (_, space) => ({ params: { id: space.annotationId } })),
  "POST /api/v1/links/{id}/replies": workspaceRule("reply", 201, async (_, space) => ({
    params: { id: space.linkId },
    body: { body: text("l"), stance: "opposes" },
  })),
  "GET /api/v1/links/{id}/thread": read(async (_, space) => ({ params: { id: space.linkId } })),
  "PATCH /api/v1/replies/{id}": {
    permission: "reply",
    who: "author-only",
    needsActor: true,
    ok: 200,
    target: async (world, space, as) => ({
      params: { id: await reply(space.annotationId, authorFor(space, as, "reply", roleOf(world, as))) },
      body: { body: "edited reply", version: 1 },
    }),
  },
  "GET /api/v1/replies/{id}/edits": read(async (_, space) => ({ params: { id: space.replyId } })),
  // Votes go to someone else's item: nobody may vote on their own (debate tests check that 403).
  "POST /api/v1/replies/{id}/votes": workspaceRule("vote", 200, async (_, space) => ({
    params: { id: await reply(space.annotationId, await contributor(space)) },
    body: { value: 1 },
  })),
  "POST /api/v1/links/{id}/votes": workspaceRule("vote", 200, async (_, space) => ({
    params: { id: await link(space, await contributor(space)) },
    body: { value: -1 },
  })),
  "POST /api/v1/links": workspaceRule("link", 201, async (world, space) => ({
    body: {
      fromAnnotationId: await annotate(space, space.owner, "Cooperation deepens"),
      toAnnotationId: space.annotationId,
      relation: "qualifies",
      allowDuplicate: true,
    },
  })),
  "GET /api/v1/links/{id}": read(async (_, space) => ({ params: { id: space.linkId } })),
  "DELETE /api/v1/links/{id}": {
    permission: "link",
    who: "author",
    needsActor: true,
    ok: 204,
    target: async (world, space, as) => ({
      params: { id: await link(space, authorFor(space, as, "link", roleOf(world, as))) },
    }),
  },
  "GET /api/v1/annotations/{id}/links": read(async (_, space) => ({ params: { id: space.annotationId } })),
  "GET /api/v1/annotations/{id}/suggestions": read(async (_, space) => ({
    params: { id: space.annotationId },
    path: "/x?limit=3",
  })),
  "GET /api/v1/documents/{id}/suggestions": read(async (_, space) => ({
    params: { id: space.documentId },
    path: "/x?start=0&end=11&limit=3",
  })),
  "POST /api/v1/annotations/{id}/suggestions/dismiss": workspaceRule("link", 204, async (_, space) => ({
    params: { id: space.annotationId },
    body: { documentId: space.documentId, start: 0, end: 11 },
  })),
  "GET /api/v1/documents/{id}/links": read(async (_, space) => ({ params: { id: space.documentId } })),
  "GET /api/v1/workspaces/{id}/links": read(ws),
  "GET /api/v1/workspaces/{id}/claims": read(ws),
  "POST /api/v1/workspaces/{id}/claims": workspaceRule("link", 201, async (_, space) => ({
    params: { id: space.id },
    body: { title: "A claim from the matrix", allowDuplicate: true },
  })),
  "GET /api/v1/claims/{id}/passages": read(async (_, space) => ({ params: { id: space.claimId } })),
  "POST /api/v1/claims/{id}/passages": workspaceRule("link", 201, async (_, space) => ({
    params: { id: space.claimId },
    body: { annotationId: space.annotationId, stance: "supports" },
  })),
  "DELETE /api/v1/claims/{id}/passages/{annotationId}": workspaceRule("link", 204, async (_, space) => ({
    params: { id: space.claimId, annotationId: space.annotationId },
  })),
  "GET /api/v1/workspaces/{id}/claim-matrix": read(ws),
  "GET /api/v1/workspaces/{id}/map": read(ws),
  "GET /api/v1/workspaces/{id}/map/documents/{documentId}": read(async (_, space) => ({
    params: { id: space.id, documentId: space.documentId },
  })),
  "GET /api/v1/workspaces/{id}/events": {
    ...read(async (_, space) => ({ params: { id: space.id }, path: `/x?documentId=${space.documentId}` })),
    stream: true,
  },
  "POST /api/v1/flags": workspaceRule("flag", 201, async (world, space) => ({
    body: { targetType: "reply", targetId: await reply(space.annotationId, space.owner), reason: "Matrix flag" },
  })),
  "POST /api/v1/moderation/actions": workspaceRule("moderate", 201, async (world, space) => ({
    body: {
      targetType: "reply",
      targetId: await reply(space.annotationId, space.owner),
      action: "hide",
      reason: "Matrix",
    },
  })),
  "POST /api/v1/links/{id}/merge": workspaceRule("moderate", 200, async (world, space) => {
    const from = await annotate(space, space.owner, "Cooperation deepens");
    const create = (relation: string) =>
      call(handlerFor("/api/v1/links", "post")!, {
        method: "POST",
        token: space.owner.token,
        body: { fromAnnotationId: from, toAnnotationId: space.annotationId, relation, allowDuplicate: true },
      });
    const [duplicate, kept] = [
      (await create("agrees")).body.id as string,
      (await create("elaborates")).body.id as string,
    ];
    return { params: { id: duplicate }, body: { intoLinkId: kept, reason: "Same point twice" } };
  }),
  "GET /api/v1/workspaces/{id}/export": workspaceRule("export", 200, async (_, space) => ({
    params: { id: space.id },
    path: "/x?format=md",
  })),
  "GET /api/v1/documents/{id}/export": workspaceRule("export", 200, async (_, space) => ({
    params: { id: space.documentId },
    path: "/x?format=csv",
  })),
  "POST /api/v1/workspaces/{id}/imports/hypothesis": workspaceRule("import", 201, async (_, space) => ({
    params: { id: space.id },
    body: { annotations: [] },
  })),
  "POST /api/v1/workspaces/{id}/imports": workspaceRule("manage_workspace", 201, async (_, space) => ({
    params: { id: space.id },
    body: {
      format: "counterpoint-workspace/1",
      documents: [
        { ref: "d", title: "Imported", authors: [], publishedAt: null, sourceUrl: null, text: TEXT, annotations: [] },
      ],
      links: [],
    },
  })),
  "GET /api/v1/collections/{id}/export": workspaceRule("export", 200, async (_, space) => ({
    params: { id: space.collectionId },
    path: "/x?format=aif",
  })),
  "POST /api/v1/exports": workspaceRule(
    "export",
    202,
    async (_, space) => ({ body: { scope: { kind: "document", id: space.documentId }, format: "argdown" } }),
    true,
  ),
  "GET /api/v1/workspaces/{id}/exports": workspaceRule("export", 200, ws, true),
  "GET /api/v1/workspaces/{id}/collections": read(ws),
  "POST /api/v1/workspaces/{id}/collections": workspaceRule("moderate", 201, async (_, space) => ({
    params: { id: space.id },
    body: { title: "Matrix picks" },
  })),
  "GET /api/v1/collections/{id}": read(async (_, space) => ({ params: { id: space.collectionId } })),
  "PATCH /api/v1/collections/{id}": workspaceRule("moderate", 200, async (_, space) => ({
    params: { id: space.collectionId },
    body: { description: "Changed by the matrix" },
  })),
  "DELETE /api/v1/collections/{id}": workspaceRule("moderate", 204, async (_, space) => ({
    params: { id: await collection(space) },
  })),
  "POST /api/v1/collections/{id}/items": workspaceRule("moderate", 201, async (_, space) => ({
    params: { id: space.collectionId },
    body: { type: "annotation", id: await annotate(space, space.owner, "Cooperation deepens"), note: "More" },
  })),
  "PATCH /api/v1/collections/{id}/items/{itemId}": workspaceRule("moderate", 200, async (_, space) => ({
    params: { id: space.collectionId, itemId: space.collectionItemId },
    body: { note: "Changed note" },
  })),
  "DELETE /api/v1/collections/{id}/items/{itemId}": workspaceRule("moderate", 204, async (_, space) => {
    const id = await collection(space);
    return { params: { id, itemId: (await db.collectionItem.findFirstOrThrow({ where: { collectionId: id } })).id } };
  }),
  "PUT /api/v1/collections/{id}/order": workspaceRule("moderate", 200, async (_, space) => {
    const id = await collection(space);
    const items = await db.collectionItem.findMany({ where: { collectionId: id }, orderBy: { position: "desc" } });
    return { params: { id }, body: { itemIds: items.map((item) => item.id) } };
  }),
  // Following needs an account and what is followed readable (404 where it is not there for you).
  "GET /api/v1/follows": workspaceRule(
    "read",
    200,
    async (_, space) => ({ path: `/x?targetType=document&targetId=${space.documentId}` }),
    true,
  ),
  "POST /api/v1/follows": workspaceRule(
    "read",
    200,
    async (_, space) => ({ body: { targetType: "annotation", targetId: space.annotationId } }),
    true,
  ),
  "DELETE /api/v1/follows": workspaceRule(
    "read",
    200,
    async (_, space) => ({ body: { targetType: "document", targetId: space.documentId } }),
    true,
  ),
  "GET /api/v1/workspaces/{id}/moderation/queue": workspaceRule("moderate", 200, ws, false),
  "GET /api/v1/workspaces/{id}/audit-log": workspaceRule("moderate", 200, ws, false),
};

const ownerOnly = (role: Role) => (role === "anonymous" ? 401 : role === "owner" ? 200 : 404);

// Operations that are not about a workspace: the exact status for each caller.
const ACCOUNT_RULES: Record<
  string,
  {
    expected: (role: Role) => number;
    request: (world: World, as: User | null) => Promise<CallRequest>;
    stream?: boolean;
  }
> = {
  "GET /api/health": { expected: () => 200, request: async () => ({}) },
  "GET /api/v1/openapi.json": { expected: () => 200, request: async () => ({}) },
  "POST /api/v1/users": {
    expected: () => 201,
    request: async () => ({ body: { email: uniqueEmail("signup"), name: "New", password: "a long enough password" } }),
  },
  "GET /api/v1/me": { expected: (role) => (role === "anonymous" ? 401 : 200), request: async () => ({}) },
  // Sign out everywhere: any signed-in caller, for their own sessions only.
  "DELETE /api/v1/me/sessions": { expected: (role) => (role === "anonymous" ? 401 : 204), request: async () => ({}) },
  // Changing one's own password needs the current one; it is set to itself here.
  "PUT /api/v1/me/password": {
    expected: (role) => (role === "anonymous" ? 401 : 204),
    request: async () => ({
      body: { currentPassword: "correct horse battery", newPassword: "correct horse battery" },
    }),
  },
  // Invitations are answered only by the person they were sent to (tests/integration/invitations.test.ts):
  // someone else's is not found, and its link is refused.
  "GET /api/v1/me/invitations": { expected: (role) => (role === "anonymous" ? 401 : 200), request: async () => ({}) },
  "POST /api/v1/me/invitations/{invitationId}/accept": {
    expected: (role) => (role === "anonymous" ? 401 : 404),
    request: async (world) => ({ params: { invitationId: (await invitation(world.spaces[0]!)).id } }),
  },
  "POST /api/v1/me/invitations/{invitationId}/decline": {
    expected: (role) => (role === "anonymous" ? 401 : 404),
    request: async (world) => ({ params: { invitationId: (await invitation(world.spaces[0]!)).id } }),
  },
  "GET /api/v1/invitations/{token}": {
    expected: (role) => (role === "anonymous" ? 401 : 403),
    request: async (world) => ({ params: { token: (await invitation(world.spaces[0]!)).token } }),
  },
  // Mail settings are one's own: any signed-in caller reads and changes theirs only.
  "GET /api/v1/me/notification-settings": {
    expected: (role) => (role === "anonymous" ? 401 : 200),
    request: async () => ({}),
  },
  "PUT /api/v1/me/notification-settings": {
    expected: (role) => (role === "anonymous" ? 401 : 200),
    request: async () => ({ body: { delivery: { vote: "never" } } }),
  },
  // Unsubscribing needs no sign-in: the signed token is the credential, whoever sends it.
  "POST /api/unsubscribe/{token}": {
    expected: () => 200,
    request: async () => ({ params: { token: signUnsubscribeToken((await makeUser("unsubscriber")).id, "vote") } }),
  },
  // Notifications are the caller's own, whoever they are (tests/integration/notifications.test.ts).
  "GET /api/v1/notifications": {
    expected: (role) => (role === "anonymous" ? 401 : 200),
    request: async () => ({ path: "/x?unread=true" }),
  },
  "POST /api/v1/notifications/read": {
    expected: (role) => (role === "anonymous" ? 401 : 200),
    request: async () => ({ body: {} }),
  },
  "GET /api/v1/notifications/events": {
    expected: (role) => (role === "anonymous" ? 401 : 200),
    request: async () => ({}),
    stream: true,
  },
  "GET /api/v1/tokens": { expected: (role) => (role === "anonymous" ? 401 : 200), request: async () => ({}) },
  // Tokens are made from a browser session only: a token cannot mint tokens.
  "POST /api/v1/tokens": {
    expected: (role) => (role === "anonymous" ? 401 : 403),
    request: async () => ({ body: { name: "minted" } }),
  },
  "DELETE /api/v1/tokens/{id}": {
    expected: (role) => (role === "anonymous" ? 401 : 404),
    // Someone else's token: not found for everyone but its owner.
    request: async () => ({
      params: {
        id: (await db.apiToken.findFirstOrThrow({ where: { userId: (await makeUser("token-holder")).id } })).id,
      },
    }),
  },
  "GET /api/v1/workspaces": { expected: (role) => (role === "anonymous" ? 401 : 200), request: async () => ({}) },
  "POST /api/v1/workspaces": {
    expected: (role) => (role === "anonymous" ? 401 : 201),
    request: async () => ({ body: { name: "Matrix workspace" } }),
  },
  // A background export is its requester's alone: everyone else is told it does not exist.
  "GET /api/v1/exports/{id}": {
    expected: ownerOnly,
    request: async (world) => ({ params: { id: (await finishedExport(world.spaces[0]!, world.users.owner)).id } }),
  },
  "GET /api/v1/exports/{id}/download": {
    expected: ownerOnly,
    request: async (world) => ({ params: { id: (await finishedExport(world.spaces[0]!, world.users.owner)).id } }),
  },
  "DELETE /api/v1/exports/{id}": {
    expected: (role) => (role === "owner" ? 204 : role === "anonymous" ? 401 : 404),
    request: async (world) => ({ params: { id: (await finishedExport(world.spaces[0]!, world.users.owner)).id } }),
  },
  // Everyone may search: what each caller finds is scoped in the query (tests/integration/search.test.ts).
  "GET /api/v1/search": { expected: () => 200, request: async () => ({ path: "/x?q=hedge" }) },
  "POST /api/v1/markdown/preview": {
    expected: (role) => (role === "anonymous" ? 401 : 200),
    request: async () => ({ body: { markdown: "**x**" } }),
  },
};

const roleOf = (world: World, as: User | null): Role =>
  as ? ((Object.entries(world.users).find(([, user]) => user.id === as.id)?.[0] as Role) ?? "outsider") : "anonymous";

// The promise: a member's role decides; a private workspace does not exist for others;
// a public one is readable by anyone, flaggable by anyone signed in, and changeable by no one outside it.
function expectedStatus(rule: Rule, role: Role, visibility: Space["visibility"], isOwn: boolean): number {
  if (rule.needsActor && role === "anonymous") return 401;
  if (!isMember(role)) {
    if (visibility === "private") return 404;
    if (can({ role: null, visibility, isSignedIn: role !== "anonymous" }, rule.permission)) return rule.ok;
    return role === "anonymous" ? 401 : 403;
  }
  const access = { role, visibility };
  if (!can(access, rule.permission) && !(rule.who === "author" && can(access, "moderate"))) return 403;
  if (rule.who === "author") return isOwn || can(access, "moderate") ? rule.ok : 403;
  if (rule.who === "author-only") return isOwn ? rule.ok : 403;
  return rule.ok;
}

describe("authorization matrix", () => {
  it(
    "gives every operation, role and resource exactly the status the policy promises",
    { timeout: 600_000 },
    async () => {
      const operations = Object.entries(
        buildOpenApiDocument("http://localhost").paths as Record<string, Record<string, unknown>>,
      ).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`));
      const untested = operations.filter((operation) => !RULES[operation] && !ACCOUNT_RULES[operation]);
      expect(untested, "operations without a rule in the authorization matrix").toEqual([]);

      const world = await buildWorld();
      const failures: string[] = [];
      let checked = 0;
      for (const operation of operations) {
        const [method, route] = operation.split(" ") as [string, string];
        const handler = handlerFor(route, method);
        expect(handler, operation).toBeDefined();
        for (const role of ROLES) {
          const as = role === "anonymous" ? null : world.users[role];
          const account = ACCOUNT_RULES[operation];
          if (account) {
            const status = await invoke(
              handler!,
              method,
              as?.token,
              await account.request(world, as),
              Boolean(account.stream),
              route,
            );
            if (status !== account.expected(role))
              failures.push(`${operation} as ${role}: ${status}, expected ${account.expected(role)}`);
            checked += 1;
            continue;
          }
          const rule = RULES[operation]!;
          for (const space of world.spaces) {
            // In another workspace (a stranger's), every one of our users is an outsider.
            const roleHere: Role = space.isForeign && role !== "anonymous" ? "outsider" : role;
            const ownership = rule.who === "workspace" || space.isForeign ? [false] : [true, false];
            for (const isOwn of ownership) {
              // "Someone else's" item is the space owner's; the owner's own is covered by isOwn.
              if (!isOwn && role === "owner" && !space.isForeign) continue;
              const request = await rule.target(world, space, isOwn ? as : null);
              const status = await invoke(handler!, method, as?.token, request, Boolean(rule.stream), route);
              const canOwn =
                isMember(roleHere) && can({ role: roleHere, visibility: space.visibility }, rule.permission);
              const expected = expectedStatus(rule, roleHere, space.visibility, isOwn && canOwn);
              const resource = `${space.isForeign ? "another workspace's" : space.visibility}${rule.who === "workspace" ? "" : isOwn ? " (own)" : " (other's)"}`;
              if (status !== expected)
                failures.push(`${operation} as ${role} on ${resource}: ${status}, expected ${expected}`);
              checked += 1;
            }
          }
        }
      }
      console.log(
        `Authorization matrix: ${operations.length} operations × ${ROLES.length} roles × resources = ${checked} checks, ${failures.length} failures.`,
      );
      expect(failures).toEqual([]);
      // Every answer had the shape the OpenAPI document (generated from zod) gives it.
      expect([...new Set(schemaViolations)]).toEqual([]);
    },
  );
});

// A world for route-level tests: private and public workspaces with every role, and
// one of each item in each; handlers found by route, called as Next would.
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { addMemberByInvitation, call, makeUser } from "./api";
import { checkResponse } from "./response-schemas";

type Handler = Parameters<typeof call>[0];
export const modules = import.meta.glob<Record<string, Handler>>("/app/api/**/route.ts", { eager: true });
export const handlerFor = (route: string, method: string) =>
  modules[`/app${route.replace(/\{([^}]+)\}/g, "[$1]")}/route.ts`]?.[method.toUpperCase()];

export type Role = "owner" | "moderator" | "researcher" | "viewer" | "outsider" | "anonymous";
export const ROLES: Role[] = ["owner", "moderator", "researcher", "viewer", "outsider", "anonymous"];
export type User = Awaited<ReturnType<typeof makeUser>>;
// A foreign space belongs to a stranger: none of the world's users is a member there.
export type Space = {
  id: string;
  visibility: "private" | "public";
  isForeign: boolean;
  owner: User;
  documentId: string;
  annotationId: string;
  replyId: string;
  linkId: string;
  claimId: string;
  collectionId: string;
  collectionItemId: string;
};
export type World = { users: Record<Exclude<Role, "anonymous">, User>; spaces: Space[] };
export type CallRequest = { params?: Record<string, string>; body?: unknown; path?: string };
export const TEXT = "Cooperation deepens. An alliance is avoided. Both sides hedge their bets.";

export async function annotate(space: Space, by: User, quote = "Both sides hedge") {
  const response = await call(handlerFor("/api/v1/documents/{id}/annotations", "post")!, {
    method: "POST",
    token: by.token,
    params: { id: space.documentId },
    body: { selectors: describeQuote(TEXT, quote), body: "note" },
  });
  return response.body.id as string;
}
export async function reply(annotationId: string, by: User) {
  return (
    await call(handlerFor("/api/v1/annotations/{id}/replies", "post")!, {
      method: "POST",
      token: by.token,
      params: { id: annotationId },
      body: { body: "a reply", stance: "asks" },
    })
  ).body.id as string;
}
export async function link(space: Space, by: User) {
  const from = await annotate(space, by, "Cooperation deepens");
  return (
    await call(handlerFor("/api/v1/links", "post")!, {
      method: "POST",
      token: by.token,
      // Each call links the same two passages again, on purpose.
      body: { fromAnnotationId: from, toAnnotationId: space.annotationId, relation: "agrees", allowDuplicate: true },
    })
  ).body.id as string;
}
export async function importDocument(space: Space, by: User) {
  return (
    await call(handlerFor("/api/v1/workspaces/{id}/documents", "post")!, {
      method: "POST",
      token: by.token,
      params: { id: space.id },
      // The space already holds TEXT: a second copy, asked for.
      body: { title: "Fresh", text: TEXT, allowDuplicate: true },
    })
  ).body.id as string;
}
// A collection of the space's passage and link, made by its owner.
export async function collection(space: Space) {
  const id = (
    await call(handlerFor("/api/v1/workspaces/{id}/collections", "post")!, {
      method: "POST",
      token: space.owner.token,
      params: { id: space.id },
      body: { title: "Best threads", description: "Our **picks**." },
    })
  ).body.id as string;
  for (const [type, target] of [
    ["annotation", space.annotationId],
    ["link", space.linkId],
  ] as const) {
    await call(handlerFor("/api/v1/collections/{id}/items", "post")!, {
      method: "POST",
      token: space.owner.token,
      params: { id },
      body: { type, id: target, note: "Worth reading" },
    });
  }
  return id;
}

// A background export started by someone, once it has finished.
export async function finishedExport(space: Space, by: User, format = "csv") {
  const job = (
    await call(handlerFor("/api/v1/exports", "post")!, {
      method: "POST",
      token: by.token,
      body: { scope: { kind: "workspace", id: space.id }, format },
    })
  ).body;
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = (await call(handlerFor("/api/v1/exports/{id}", "get")!, { token: by.token, params: { id: job.id } }))
      .body;
    if (status.status === "done" || status.status === "failed")
      return status as {
        id: string;
        status: string;
        downloadUrl: string | null;
        progress: number;
        error: string | null;
      };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Export ${job.id} did not finish`);
}

export async function spareMember(world: World, space: Space) {
  const spare = await makeUser("spare");
  await addMemberByInvitation(space.owner.token, space.id, spare, "viewer");
  return spare;
}

export async function buildWorld(): Promise<World> {
  const users = {
    owner: await makeUser("m-owner"),
    moderator: await makeUser("m-moderator"),
    researcher: await makeUser("m-researcher"),
    viewer: await makeUser("m-viewer"),
    outsider: await makeUser("m-outsider"),
  };
  const stranger = await makeUser("m-stranger");
  const spaces: Space[] = [];
  for (const [visibility, owner] of [
    ["private", users.owner],
    ["public", users.owner],
    ["private", stranger],
  ] as const) {
    const id = (
      await call(handlerFor("/api/v1/workspaces", "post")!, {
        method: "POST",
        token: owner.token,
        body: { name: `Matrix ${visibility}`, visibility },
      })
    ).body.id as string;
    const isForeign = owner === stranger;
    if (!isForeign)
      for (const role of ["moderator", "researcher", "viewer"] as const)
        await addMemberByInvitation(owner.token, id, users[role], role);
    const space: Space = {
      id,
      visibility,
      isForeign,
      owner,
      documentId: "",
      annotationId: "",
      replyId: "",
      linkId: "",
      claimId: "",
      collectionId: "",
      collectionItemId: "",
    };
    space.documentId = await importDocument(space, owner);
    space.annotationId = await annotate(space, owner, "An alliance is avoided");
    space.replyId = await reply(space.annotationId, owner);
    space.linkId = await link(space, owner);
    space.claimId = (
      await call(handlerFor("/api/v1/workspaces/{id}/claims", "post")!, {
        method: "POST",
        token: owner.token,
        params: { id },
        body: { title: "Claim" },
      })
    ).body.id as string;
    space.collectionId = await collection(space);
    space.collectionItemId = (
      await db.collectionItem.findFirstOrThrow({ where: { collectionId: space.collectionId } })
    ).id;
    spaces.push(space);
  }
  return { users, spaces };
}

export async function invoke(
  handler: Handler,
  method: string,
  token: string | undefined,
  request: CallRequest,
  isStream: boolean,
  // Given the route, a JSON answer is checked against its documented schema (schemaViolations).
  route?: string,
) {
  if (!isStream) {
    const response = await call(handler, { method, token, ...request });
    if (route) checkResponse(route, method, response);
    return response.status;
  }
  // A live stream never ends: read its status and hang up.
  const abort = new AbortController();
  const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  const response = await handler(
    new Request(`http://localhost${request.path ?? "/x"}`, { headers, signal: abort.signal }),
    { params: Promise.resolve(request.params ?? {}) },
  );
  abort.abort();
  await response.body?.cancel().catch(() => undefined);
  return response.status;
}

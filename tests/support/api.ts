// Calls route handlers directly, as Next would, with a real database behind them.
import { randomUUID } from "node:crypto";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import { createToken } from "@/lib/tokens/tokens";
import { createUser } from "@/lib/users/create-user";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own params
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path?: string;
  body?: unknown;
  rawBody?: string | Uint8Array;
  form?: FormData;
  token?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

export async function call(handler: Handler, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.rawBody !== undefined) body = options.rawBody as BodyInit;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost${options.path ?? "/api/test"}`, {
    method: options.method ?? "GET",
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests probe arbitrary JSON shapes
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, body: json, headers: response.headers };
}

export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@test.example`;

export async function makeUser(label = "user") {
  const user = await createUser({
    email: uniqueEmail(label),
    name: `Test ${label}`,
    password: "correct horse battery",
  });
  const { token } = await createToken(user.id, "tests");
  return { ...user, token };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests probe arbitrary JSON shapes
export function expectError(result: { status: number; body: any }, status: number) {
  if (
    result.status !== status ||
    typeof result.body?.error?.message !== "string" ||
    typeof result.body?.error?.code !== "string"
  ) {
    throw new Error(`Expected ${status} with an error envelope, got ${result.status}: ${JSON.stringify(result.body)}`);
  }
}

// Makes `user` a member the one way there is: the owner invites their email, they accept.
export async function addMemberByInvitation(
  ownerToken: string,
  workspaceId: string,
  user: { email: string; token: string },
  role: "owner" | "moderator" | "researcher" | "viewer",
) {
  const { POST: invite } = await import("@/app/api/v1/workspaces/[id]/members/route");
  const { POST: accept } = await import("@/app/api/v1/me/invitations/[invitationId]/accept/route");
  const invited = await call(invite, {
    method: "POST",
    token: ownerToken,
    params: { id: workspaceId },
    body: { email: user.email, role },
  });
  if (invited.status !== 201) throw new Error(`Invitation refused: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await call(accept, {
    method: "POST",
    token: user.token,
    params: { invitationId: invited.body.invitation.id },
  });
  if (accepted.status !== 200)
    throw new Error(`Acceptance refused: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return invited.body.invitation as { id: string; acceptPath: string };
}

// A workspace with a member of every role, and a signed-up outsider, all made through the API.
export async function workspaceWithTeam(label: string, name: string) {
  const { POST: createWorkspace } = await import("@/app/api/v1/workspaces/route");
  const owner = await makeUser(`${label}-owner`);
  const moderator = await makeUser(`${label}-moderator`);
  const researcher = await makeUser(`${label}-researcher`);
  const viewer = await makeUser(`${label}-viewer`);
  const outsider = await makeUser(`${label}-outsider`);
  const workspaceId = (await call(createWorkspace, { method: "POST", token: owner.token, body: { name } })).body
    .id as string;
  for (const [user, role] of [
    [moderator, "moderator"],
    [researcher, "researcher"],
    [viewer, "viewer"],
  ] as const) {
    await addMemberByInvitation(owner.token, workspaceId, user, role);
  }
  return { owner, moderator, researcher, viewer, outsider, workspaceId };
}

// Imports a plain-text document through the API, as `token`'s holder, and returns its id.
export async function importText(token: string, workspaceId: string, title: string, text: string): Promise<string> {
  const created = await call(documents.POST, {
    method: "POST",
    token,
    params: { id: workspaceId },
    body: { title, text },
  });
  if (created.status !== 201) throw new Error(`The import answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

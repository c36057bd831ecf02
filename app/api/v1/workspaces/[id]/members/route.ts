import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { addMemberSchema } from "@/lib/validations/workspace";
import { addMember, listMembers } from "@/lib/workspaces/members";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await listMembers(actor, params.id)));

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await addMember(actor, params.id, await readJson(request, addMemberSchema)), 201);
});

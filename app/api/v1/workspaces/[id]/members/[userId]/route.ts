import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json, noContent } from "@/lib/api/respond";
import { updateMemberSchema } from "@/lib/validations/workspace";
import { changeMemberRole, removeMember } from "@/lib/workspaces/members";

type Params = { id: string; userId: string };

export const PATCH = apiRoute<Params>(async ({ request, actor, params }) => {
  requireActor(actor);
  const { role } = await readJson(request, updateMemberSchema);
  return json(await changeMemberRole(actor, params.id, params.userId, role));
});

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  requireActor(actor);
  await removeMember(actor, params.id, params.userId);
  return noContent();
});

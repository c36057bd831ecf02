import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { updateWorkspaceSchema } from "@/lib/validations/workspace";
import { getWorkspace, updateWorkspace } from "@/lib/workspaces/workspaces";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getWorkspace(actor, params.id)));

// Like every write: anonymous callers are asked to sign in first (401), whatever the workspace.
export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await updateWorkspace(actor, params.id, await readJson(request, updateWorkspaceSchema)));
});

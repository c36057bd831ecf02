import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson, readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { paginationSchema } from "@/lib/validations/common";
import { createWorkspaceSchema } from "@/lib/validations/workspace";
import { createWorkspace, listMyWorkspaces } from "@/lib/workspaces/workspaces";

export const GET = apiRoute(async ({ request, actor }) => {
  return json(await listMyWorkspaces(requireActor(actor), readQuery(request, paginationSchema)));
});

export const POST = apiRoute(async ({ request, actor }) => {
  const user = requireActor(actor);
  return json(await createWorkspace(user, await readJson(request, createWorkspaceSchema)), 201);
});

import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listWorkspaceTags } from "@/lib/annotations/annotation-services";
import { authorizeWorkspace } from "@/lib/policies/authorize-workspace";

// Tags in use in the workspace, most used first (for autocomplete).
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await authorizeWorkspace(actor, params.id, "read");
  return json({ items: await listWorkspaceTags(params.id), nextCursor: null });
});

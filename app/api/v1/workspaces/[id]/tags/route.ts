import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listWorkspaceTags } from "@/lib/annotations/annotation-services";

// Tags in use in the workspace, most used first (for autocomplete).
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  return json({ items: await listWorkspaceTags(actor, params.id), nextCursor: null });
});

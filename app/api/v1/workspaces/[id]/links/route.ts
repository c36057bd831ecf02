import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { listWorkspaceLinks } from "@/lib/links/link-services";
import { linkFiltersSchema } from "@/lib/validations/debate";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json({ items: await listWorkspaceLinks(actor, params.id, readQuery(request, linkFiltersSchema)), nextCursor: null }),
);

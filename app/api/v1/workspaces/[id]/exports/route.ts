import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listExportJobs } from "@/lib/exports/export-jobs";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await listExportJobs(actor, params.id, new URL(request.url).origin)),
);

import { apiRoute } from "@/lib/api/route";
import { json, noContent } from "@/lib/api/respond";
import { deleteExportJob, getExportJob } from "@/lib/exports/export-jobs";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await getExportJob(actor, params.id, new URL(request.url).origin)),
);

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteExportJob(actor, params.id);
  return noContent();
});

import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { startExportJob } from "@/lib/exports/export-jobs";
import { exportJobSchema } from "@/lib/validations/export";

// 202 Accepted: the export runs in the background; poll the status URL.
export const POST = apiRoute(async ({ request, actor }) => {
  requireActor(actor);
  const { scope, format, style } = await readJson(request, exportJobSchema);
  const job = await startExportJob(actor, scope, format, new URL(request.url).origin, style);
  return json(job, 202, { Location: job.statusUrl });
});

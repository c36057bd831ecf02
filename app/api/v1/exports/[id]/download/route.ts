import { apiRoute } from "@/lib/api/route";
import { downloadExportJob } from "@/lib/exports/export-jobs";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => downloadExportJob(actor, params.id));

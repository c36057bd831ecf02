import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { exportResponse } from "@/lib/exports/export-response";
import { exportQuerySchema } from "@/lib/validations/export";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const { format, style } = readQuery(request, exportQuerySchema);
  return exportResponse(actor, { kind: "document", id: params.id }, format, new URL(request.url).origin, style);
});

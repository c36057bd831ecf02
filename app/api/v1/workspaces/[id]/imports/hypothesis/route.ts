import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { importHypothesis } from "@/lib/hypothesis/import-hypothesis";
import { hypothesisExportSchema } from "@/lib/validations/hypothesis";

// A Hypothesis export is a few KiB per annotation: 20 MiB holds many thousands.
const MAX_EXPORT_BYTES = 20 * 1024 * 1024;

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  const items = await readJson(request, hypothesisExportSchema, MAX_EXPORT_BYTES);
  return json(await importHypothesis(actor, params.id, items), 201);
});

import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { importWorkspaceJson } from "@/lib/exports/import-json";
import { importJsonSchema } from "@/lib/validations/export";

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(
    await importWorkspaceJson(actor, params.id, await readJson(request, importJsonSchema, MAX_IMPORT_BYTES)),
    201,
  );
});

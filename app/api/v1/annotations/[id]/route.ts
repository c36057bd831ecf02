import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json, noContent } from "@/lib/api/respond";
import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/annotation-services";
import { updateAnnotationSchema } from "@/lib/validations/annotation";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getAnnotation(actor, params.id)));

export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await updateAnnotation(actor, params.id, await readJson(request, updateAnnotationSchema)));
});

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requireActor(actor);
  await deleteAnnotation(actor, params.id);
  return noContent();
});

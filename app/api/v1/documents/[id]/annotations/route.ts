import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson, readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { createAnnotation, listAnnotationPage } from "@/lib/annotations/annotation-services";
import { annotationFiltersSchema, createAnnotationSchema } from "@/lib/validations/annotation";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await listAnnotationPage(actor, params.id, readQuery(request, annotationFiltersSchema))),
);

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await createAnnotation(actor, params.id, await readJson(request, createAnnotationSchema)), 201);
});

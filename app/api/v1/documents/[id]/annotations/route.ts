import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson, readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { createAnnotation, listAnnotations } from "@/lib/annotations/annotation-services";
import { annotationFiltersSchema, createAnnotationSchema } from "@/lib/validations/annotation";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json({
    items: await listAnnotations(actor, params.id, readQuery(request, annotationFiltersSchema)),
    nextCursor: null,
  }),
);

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await createAnnotation(actor, params.id, await readJson(request, createAnnotationSchema)), 201);
});

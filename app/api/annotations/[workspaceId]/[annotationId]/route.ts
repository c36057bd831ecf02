import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { deleteW3cAnnotation, getW3cAnnotation, replaceW3cAnnotation } from "@/lib/w3c/container-services";
import { annotationHeaders, checkIfMatch, jsonLdResponse } from "@/lib/w3c/protocol";
import { w3cAnnotationSchema } from "@/lib/w3c/w3c-input";

type Params = { workspaceId: string; annotationId: string };

// One annotation of a workspace's W3C Web Annotation Protocol container.
const read = apiRoute<Params>(async ({ request, params, actor }) => {
  const found = await getW3cAnnotation(actor, params.workspaceId, params.annotationId, new URL(request.url).origin);
  return jsonLdResponse(
    request,
    found.jsonLd,
    200,
    annotationHeaders({ etag: found.etag, contentLocation: found.iri }),
  );
});

export const GET = read;
export const HEAD = read;

export const OPTIONS = apiRoute<Params>(async () => new Response(null, { status: 200, headers: annotationHeaders() }));

export const PUT = apiRoute<Params>(async ({ request, params, actor }) => {
  requireActor(actor);
  const input = await readJson(request, w3cAnnotationSchema);
  const replaced = await replaceW3cAnnotation(
    actor,
    params.workspaceId,
    params.annotationId,
    input,
    new URL(request.url).origin,
    (etag) => checkIfMatch(request, etag),
  );
  return jsonLdResponse(
    request,
    replaced.jsonLd,
    200,
    annotationHeaders({ etag: replaced.etag, contentLocation: replaced.iri }),
  );
});

export const DELETE = apiRoute<Params>(async ({ request, params, actor }) => {
  requireActor(actor);
  await deleteW3cAnnotation(actor, params.workspaceId, params.annotationId, new URL(request.url).origin, (etag) =>
    checkIfMatch(request, etag),
  );
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

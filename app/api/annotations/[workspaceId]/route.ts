import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { createW3cAnnotation, getContainer, getContainerPage } from "@/lib/w3c/container-services";
import { annotationHeaders, containerHeaders, jsonLdResponse, pageHeaders, parsePrefer } from "@/lib/w3c/protocol";
import { readContainerQuery } from "@/lib/w3c/container-query";
import { w3cAnnotationSchema } from "@/lib/w3c/w3c-input";

type Params = { workspaceId: string };

// The W3C Web Annotation Protocol container of a workspace: /api/annotations/{workspaceId}/
const read = apiRoute<Params>(async ({ request, params, actor }) => {
  const url = new URL(request.url);
  const query = readContainerQuery(url.searchParams);
  if (query.page !== null) {
    const page = await getContainerPage(actor, params.workspaceId, url.origin, { page: query.page, iris: query.iris });
    return jsonLdResponse(request, page.jsonLd, 200, pageHeaders({ etag: page.etag, contentLocation: page.iri }));
  }
  const { preference, applied } = parsePrefer(request.headers.get("prefer"));
  const container = await getContainer(actor, params.workspaceId, url.origin, preference);
  return jsonLdResponse(
    request,
    container.jsonLd,
    200,
    containerHeaders({ etag: container.etag, contentLocation: container.iri, preferenceApplied: applied }),
  );
});

export const GET = read;
export const HEAD = read;

export const OPTIONS = apiRoute<Params>(async () => new Response(null, { status: 200, headers: containerHeaders() }));

export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  requireActor(actor);
  const input = await readJson(request, w3cAnnotationSchema);
  const created = await createW3cAnnotation(actor, params.workspaceId, input, new URL(request.url).origin);
  return jsonLdResponse(request, created.jsonLd, 201, {
    ...annotationHeaders({ etag: created.etag, contentLocation: created.iri }),
    Location: created.iri,
  });
});

// OpenAPI paths for the W3C Web Annotation Protocol container of each workspace (lib/w3c).
import { w3cAnnotationSchema } from "@/lib/w3c/w3c-input";
import { errors, pathId, ref, schema } from "./helpers";

const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const annotationBody = {
  required: true,
  content: { [ANNO]: { schema: ref("W3cAnnotation") }, "application/json": { schema: ref("W3cAnnotation") } },
};
const jsonLd = (description: string) => ({ description, content: { [ANNO]: { schema: { type: "object" } } } });
const ifMatch = {
  name: "If-Match",
  in: "header",
  required: false,
  description: "The annotation's ETag: a stale one is 412 (without it, the change is made regardless)",
  schema: { type: "string" },
};

export const W3C_PATHS = {
  "/api/annotations/{workspaceId}": {
    get: {
      summary:
        "The workspace as a W3C Web Annotation container (its IRI ends with a slash: /api/annotations/{workspaceId}/; without it, a 308 to it). Also HEAD and OPTIONS",
      description:
        'An AnnotationCollection (and ldp:BasicContainer) of the passages you may see, 20 per AnnotationPage (first, last, next, prev, partOf, startIndex). `Prefer: return=representation;include="…"` with ldp#PreferMinimalContainer (no items), oa#PreferContainedIRIs (IRIs) or oa#PreferContainedDescriptions (the default). ?page=N (from 0) is one page; ?iris=1 its IRI form.',
      parameters: [
        pathId("workspaceId"),
        { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 0 } },
        { name: "iris", in: "query", required: false, schema: { enum: ["0", "1"] } },
        { name: "Prefer", in: "header", required: false, schema: { type: "string" } },
      ],
      responses: { "200": jsonLd("The container, or one of its pages"), ...errors(400, 401, 404, 429) },
    },
    post: {
      summary:
        "Create an annotation (201, Location = the container IRI plus the new id). A target naming a workspace document (its /documents/{id} IRI or its sourceUrl) becomes a passage of it, anchored by its TextQuote/TextPosition selectors; any other http(s) IRI, a passage of the workspace's web source for that page. A client `id` is kept as `via`, `canonical` as given",
      parameters: [pathId("workspaceId")],
      requestBody: annotationBody,
      responses: { "201": jsonLd("The annotation as stored"), ...errors(400, 401, 403, 404, 413, 415, 422, 429) },
    },
  },
  "/api/annotations/{workspaceId}/{annotationId}": {
    get: {
      summary: "One annotation of the container, with its ETag (also HEAD and OPTIONS)",
      parameters: [pathId("workspaceId"), pathId("annotationId")],
      responses: { "200": jsonLd("The annotation"), ...errors(401, 404, 429) },
    },
    put: {
      summary:
        "Replace an annotation's body and tags (its author, or a moderator); the target cannot change and a canonical IRI once given is kept",
      parameters: [pathId("workspaceId"), pathId("annotationId"), ifMatch],
      requestBody: annotationBody,
      responses: {
        "200": jsonLd("The annotation, with its new ETag"),
        ...errors(400, 401, 403, 404, 412, 413, 422, 429),
      },
    },
    delete: {
      summary: "Delete an annotation (its author, or a moderator)",
      parameters: [pathId("workspaceId"), pathId("annotationId"), ifMatch],
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404, 412, 429) },
    },
  },
};

export const W3C_SCHEMAS = { W3cAnnotation: schema(w3cAnnotationSchema) };

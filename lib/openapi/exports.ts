// OpenAPI paths and schemas for collections, report exports and background exports.
import {
  addCollectionItemSchema,
  createCollectionSchema,
  reorderCollectionSchema,
  updateCollectionItemSchema,
  updateCollectionSchema,
} from "@/lib/validations/collection";
import { CITATION_STYLES } from "@/lib/citations/citation-styles";
import { EXPORT_FORMATS, exportJobSchema } from "@/lib/validations/export";
import { errors, jsonBody, jsonResponse, listOf, pathId, schema } from "./helpers";

const FORMATS_DESCRIPTION =
  'md (report), html (standalone report, sanitized, with its own no-script policy), pdf (the report laid out for print, page numbers and headers), csv (one row per annotation or reply; threads rebuildable from thread id and parent id), json (full fidelity, importable into another workspace), jsonld (W3C Web Annotation AnnotationCollection with its items in `first`), aif (Argument Interchange Format JSON: nodes, edges), argdown (Argdown text), bibtex / csl-json / ris (the documents as references, by Citation.js: a workspace\'s or document\'s documents, a collection\'s cited documents). Reports cite each passage as "Author Year, p. N" (paginated sources) or "Author Year, § Heading" and end with a bibliography of the documents cited, in `style` (apa, default, or chicago author-date).';

const exportOperation = (what: string) => ({
  get: {
    summary: `Export ${what}, streamed as it is written`,
    description: `Formats: ${FORMATS_DESCRIPTION} Hidden items are left out unless you moderate the workspace (then they are included and marked). For thousands of items, POST /api/v1/exports runs the same export in the background with progress.`,
    parameters: [
      pathId("id"),
      { name: "format", in: "query", required: true, schema: { enum: [...EXPORT_FORMATS] } },
      {
        name: "style",
        in: "query",
        required: false,
        description: "The bibliography style of reports (md, html, pdf)",
        schema: { enum: [...CITATION_STYLES], default: "apa" },
      },
    ],
    responses: {
      "200": {
        description: "The report",
        content: {
          "text/markdown": { schema: { type: "string" } },
          "text/html": { schema: { type: "string" } },
          "application/pdf": { schema: { type: "string", format: "binary" } },
          "application/json": { schema: { type: "object" } },
          "text/csv": { schema: { type: "string" } },
          "application/ld+json": { schema: { type: "object" } },
          "text/plain": { schema: { type: "string" } },
          "application/x-bibtex": { schema: { type: "string" } },
          "application/vnd.citationstyles.csl+json": { schema: { type: "array", items: { type: "object" } } },
          "application/x-research-info-systems": { schema: { type: "string" } },
        },
      },
      // 422: the report could not be written within the deadline or memory cap (use a background export).
      ...errors(400, 401, 404, 422, 503),
    },
  },
});

export const EXPORT_PATHS = {
  "/api/v1/workspaces/{id}/imports": {
    post: {
      summary:
        "Import a JSON export (format counterpoint-workspace/1) into this workspace (owners): documents, passages at the same offsets, threads and links",
      description:
        "Every item is authored by the importer and dated now; the file's author and date are kept as quoted provenance (`importedFrom: { author, createdAt, source }`), never as an identity. Checked first, written in one transaction. At most 50 MiB.",
      parameters: [pathId("id")],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { type: "object", required: ["format", "documents", "links"] } } },
      },
      responses: {
        "201": { description: "Imported: counts of documents, annotations, replies and links" },
        ...errors(400, 401, 403, 404, 413, 422),
      },
    },
  },
  "/api/v1/workspaces/{id}/imports/hypothesis": {
    post: {
      summary:
        "Import a Hypothesis JSON export (its `annotations`, or an API search's `rows`, or a bare array) into this workspace (members who may import)",
      description:
        "An annotation whose `uri` names the same page as a document's `sourceUrl` (http/https, host case, trailing slash, fragment, utm_* and click ids, parameter order ignored) is anchored on it by its TextQuoteSelector (quote, prefix, suffix; Hypothesis's TextPosition offsets count the page's text and only break ties; RangeSelectors are not used): `anchored` when the quote is found exactly, `moved` when only approximately, `orphaned` (kept on the document, listed in `unplaced`) when not at all. An annotation on any other page goes to that page's web source (`webSources`). Replies (`references`) become threads in the same shape with the stance `unknown`. Tags are kept. The importer is the author of every item; the original account, date and Hypothesis id are kept as quoted provenance (`importedFrom: { author, createdAt, source: \"Hypothesis\", hypothesisId, uri }`). Importing the same export again adds only what is new (`alreadyImported`). Page notes, replies whose annotation is missing and items that are not annotations are listed in `unplaced` with a reason. At most 20 MiB and 20,000 annotations; one transaction.",
      parameters: [pathId("id")],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { type: "object", required: ["annotations"] } } },
      },
      responses: {
        "201": {
          description: "The report",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  annotations: { type: "integer", description: "Items in the file" },
                  anchored: { type: "integer" },
                  moved: { type: "integer" },
                  orphaned: { type: "integer" },
                  webSources: { type: "integer", description: "Annotations placed on web sources" },
                  replies: { type: "integer" },
                  alreadyImported: { type: "integer" },
                  unplaced: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        hypothesisId: { type: ["string", "null"] },
                        uri: { type: ["string", "null"] },
                        reason: { type: "string" },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        ...errors(400, 401, 403, 404, 413, 422),
      },
    },
  },
  "/api/v1/workspaces/{id}/export": exportOperation("a workspace"),
  "/api/v1/documents/{id}/export": exportOperation("a document"),
  "/api/v1/collections/{id}/export": exportOperation(
    "a collection (its introduction and items in order, with curators' notes)",
  ),
  "/api/v1/exports": {
    post: {
      summary:
        "Run an export in the background: answers 202 with a status URL (also in Location) to poll for progress, then download. At most 3 queued or running per person (429 with Retry-After); finished files count against a quota per person (413 when it is full)",
      requestBody: jsonBody("ExportJobRequest"),
      responses: {
        "202": { ...jsonResponse("Started", "ExportJob"), headers: { Location: { schema: { type: "string" } } } },
        ...errors(400, 401, 403, 404, 413, 429),
      },
    },
  },
  "/api/v1/exports/{id}": {
    get: {
      summary: "A background export's status and progress (0–1), yours only",
      parameters: [pathId("id")],
      responses: { "200": jsonResponse("Status", "ExportJob"), ...errors(401, 404) },
    },
    delete: {
      summary:
        "Delete your export: a finished file stops counting against your quota; a queued or running one is called off",
      parameters: [pathId("id")],
      responses: { "204": { description: "Deleted" }, ...errors(401, 404) },
    },
  },
  "/api/v1/exports/{id}/download": {
    get: {
      summary: "Download a finished background export (kept for 24 hours)",
      parameters: [pathId("id")],
      responses: { "200": { description: "The file, in the export's format" }, ...errors(401, 404, 409) },
    },
  },
  "/api/v1/workspaces/{id}/exports": {
    get: {
      summary: "Your recent background exports in this workspace, newest first",
      parameters: [pathId("id")],
      responses: { "200": { description: "Exports: { items: ExportJob[] }" }, ...errors(401, 403, 404) },
    },
  },
  "/api/v1/workspaces/{id}/collections": {
    get: {
      summary: "The workspace's collections of curated threads and links",
      parameters: [pathId("id")],
      responses: {
        "200": { description: "Collections", content: { "application/json": { schema: listOf("CollectionSummary") } } },
        ...errors(401, 404),
      },
    },
    post: {
      summary: "Create a collection (moderators and owners): a title and a Markdown introduction",
      parameters: [pathId("id")],
      requestBody: jsonBody("CreateCollection"),
      responses: { "201": jsonResponse("Created", "Collection"), ...errors(400, 401, 403, 404) },
    },
  },
  "/api/v1/collections/{id}": {
    get: {
      summary: "A collection with its items in order (passages and links you may see)",
      parameters: [pathId("id")],
      responses: { "200": jsonResponse("The collection", "Collection"), ...errors(401, 404) },
    },
    patch: {
      summary: "Change a collection's title or introduction (moderators and owners)",
      parameters: [pathId("id")],
      requestBody: jsonBody("UpdateCollection"),
      responses: { "200": jsonResponse("Changed", "Collection"), ...errors(400, 401, 403, 404) },
    },
    delete: {
      summary: "Delete a collection (moderators and owners); its passages and links stay",
      parameters: [pathId("id")],
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) },
    },
  },
  "/api/v1/collections/{id}/items": {
    post: {
      summary:
        "Add a passage (annotation) or a link of the same workspace to the end of a collection, with a note (moderators and owners)",
      parameters: [pathId("id")],
      requestBody: jsonBody("AddCollectionItem"),
      responses: { "201": { description: "Added" }, ...errors(400, 401, 403, 404, 409, 422) },
    },
  },
  "/api/v1/collections/{id}/items/{itemId}": {
    patch: {
      summary: "Change an item's note (moderators and owners)",
      parameters: [pathId("id"), pathId("itemId")],
      requestBody: jsonBody("UpdateCollectionItem"),
      responses: { "200": { description: "Changed" }, ...errors(400, 401, 403, 404) },
    },
    delete: {
      summary: "Remove an item from a collection (moderators and owners)",
      parameters: [pathId("id"), pathId("itemId")],
      responses: { "204": { description: "Removed" }, ...errors(401, 403, 404) },
    },
  },
  "/api/v1/collections/{id}/order": {
    put: {
      summary: "Put a collection's items in a new order: every item id, each once (moderators and owners)",
      parameters: [pathId("id")],
      requestBody: jsonBody("ReorderCollection"),
      responses: { "200": jsonResponse("Reordered", "Collection"), ...errors(400, 401, 403, 404, 422) },
    },
  },
};

export const EXPORT_SCHEMAS = {
  ExportJobRequest: schema(exportJobSchema),
  CreateCollection: schema(createCollectionSchema),
  UpdateCollection: schema(updateCollectionSchema),
  AddCollectionItem: schema(addCollectionItemSchema),
  UpdateCollectionItem: schema(updateCollectionItemSchema),
  ReorderCollection: schema(reorderCollectionSchema),
};

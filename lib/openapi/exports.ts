// OpenAPI paths for report exports.
import { EXPORT_FORMATS } from "@/lib/validations/export";
import { errors, pathId } from "./helpers";

const exportOperation = (what: string) => ({
  get: {
    summary: `Export ${what} as a report: Markdown, standalone HTML (sanitized, with its own no-script policy), full-fidelity JSON (importable into another workspace), CSV (one row per annotation or reply, threads rebuildable from thread id and parent id) or W3C Web Annotation JSON-LD (an AnnotationCollection with its items in \`first\`)`,
    description: "Hidden items are left out unless you moderate the workspace (then they are included and marked).",
    parameters: [pathId("id"), { name: "format", in: "query", required: true, schema: { enum: [...EXPORT_FORMATS] } }],
    responses: {
      "200": { description: "The report", content: { "text/markdown": { schema: { type: "string" } }, "text/html": { schema: { type: "string" } }, "application/json": { schema: { type: "object" } }, "text/csv": { schema: { type: "string" } }, "application/ld+json": { schema: { type: "object" } } } },
      ...errors(400, 401, 404),
    },
  },
});

export const EXPORT_PATHS = {
  "/api/v1/workspaces/{id}/imports": {
    post: {
      summary: "Import a JSON export (format counterpoint-workspace/1) into this workspace (owners): documents, passages at the same offsets, threads and links",
      description: "Authors who are members here keep their items; other items are attributed to the importer. Checked first, written in one transaction. At most 50 MiB.",
      parameters: [pathId("id")],
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["format", "documents", "links"] } } } },
      responses: { "201": { description: "Imported: counts of documents, annotations, replies and links" }, ...errors(400, 401, 403, 404, 413, 422) },
    },
  },
  "/api/v1/workspaces/{id}/export": exportOperation("a workspace"),
  "/api/v1/documents/{id}/export": exportOperation("a document"),
};

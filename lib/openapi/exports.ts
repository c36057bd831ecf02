// OpenAPI paths for report exports.
import { EXPORT_FORMATS } from "@/lib/validations/export";
import { errors, pathId } from "./helpers";

const exportOperation = (what: string) => ({
  get: {
    summary: `Export ${what} as a report: Markdown, standalone HTML (sanitized, with its own no-script policy), CSV (one row per annotation or reply, threads rebuildable from thread id and parent id) or W3C Web Annotation JSON-LD (an AnnotationCollection with its items in \`first\`)`,
    description: "Hidden items are left out unless you moderate the workspace (then they are included and marked).",
    parameters: [pathId("id"), { name: "format", in: "query", required: true, schema: { enum: [...EXPORT_FORMATS] } }],
    responses: {
      "200": { description: "The report", content: { "text/markdown": { schema: { type: "string" } }, "text/html": { schema: { type: "string" } }, "text/csv": { schema: { type: "string" } }, "application/ld+json": { schema: { type: "object" } } } },
      ...errors(400, 401, 404),
    },
  },
});

export const EXPORT_PATHS = {
  "/api/v1/workspaces/{id}/export": exportOperation("a workspace"),
  "/api/v1/documents/{id}/export": exportOperation("a document"),
};

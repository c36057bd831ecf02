// The debate map: an overview of document clusters with aggregated links, and one cluster opened.
import { errors, jsonResponse, pathId } from "./helpers";

export const MAP_PATHS = {
  "/api/v1/workspaces/{id}/map": {
    get: {
      summary:
        "The debate map's overview: documents with visible links as clusters, and every such link counted per pair of documents and relation (computed in SQL). The most linked documents (clusters: 100 by default, at most 1500) are clusters of their own; the rest form one `others` cluster",
      parameters: [
        pathId("id"),
        { name: "clusters", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 1500 } },
      ],
      responses: { "200": jsonResponse("Overview", "MapOverview"), ...errors(400, 401, 404) },
    },
  },
  "/api/v1/workspaces/{id}/map/documents/{documentId}": {
    get: {
      summary:
        "One cluster opened: the document's linked passages (all of them with all=1), the visible links touching them and the passages at their other ends",
      parameters: [
        pathId("id"),
        pathId("documentId"),
        { name: "all", in: "query", required: false, schema: { type: "string", enum: ["0", "1"] } },
      ],
      responses: { "200": jsonResponse("Cluster", "MapDocument"), ...errors(400, 401, 404) },
    },
  },
};

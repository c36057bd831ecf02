import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { loadMapDocument } from "@/lib/links/map-overview";

const querySchema = z.object({ all: z.enum(["0", "1"]).optional() });

export const GET = apiRoute<{ id: string; documentId: string }>(async ({ request, actor, params }) => {
  const { all } = readQuery(request, querySchema);
  return json(await loadMapDocument(actor, params.id, params.documentId, { includeUnlinked: all === "1" }));
});

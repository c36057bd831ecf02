import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { DEFAULT_CLUSTERS, MAX_CLUSTERS } from "@/lib/links/map-limits";
import { loadMapOverview } from "@/lib/links/map-overview";

const querySchema = z.object({ clusters: z.coerce.number().int().min(1).max(MAX_CLUSTERS).default(DEFAULT_CLUSTERS) });

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const { clusters } = readQuery(request, querySchema);
  return json(await loadMapOverview(actor, params.id, { maxClusters: clusters }));
});

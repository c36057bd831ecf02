import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { loadMapOverview } from "@/lib/links/map-overview";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await loadMapOverview(actor, params.id)));

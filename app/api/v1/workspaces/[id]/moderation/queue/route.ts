import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listModerationQueue } from "@/lib/moderation/moderation-queue";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json({ items: await listModerationQueue(actor, params.id), nextCursor: null }),
);

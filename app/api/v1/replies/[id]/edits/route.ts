import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listReplyEdits } from "@/lib/threads/reply-services";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json({ items: await listReplyEdits(actor, params.id), nextCursor: null }),
);

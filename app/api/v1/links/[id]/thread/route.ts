import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { getLink } from "@/lib/links/link-services";
import { listThreadReplies } from "@/lib/threads/reply-services";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const link = await getLink(actor, params.id);
  return json({ link, ...(await listThreadReplies(actor, { kind: "link", id: params.id })) });
});

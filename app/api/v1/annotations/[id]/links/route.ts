import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listAnnotationLinks } from "@/lib/links/link-services";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json({ items: await listAnnotationLinks(actor, params.id), nextCursor: null }),
);

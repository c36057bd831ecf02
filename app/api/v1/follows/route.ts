import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson, readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { isFollowing, setFollowing } from "@/lib/notifications/follow-services";
import { followSchema } from "@/lib/validations/notification";

// Whether I follow a document or a thread (my choice, else the default: authors follow their threads).
export const GET = apiRoute(async ({ request, actor }) =>
  json(await isFollowing(requireActor(actor), readQuery(request, followSchema))),
);

export const POST = apiRoute(async ({ request, actor }) =>
  json(await setFollowing(requireActor(actor), await readJson(request, followSchema), true)),
);

// Unfollowing is remembered: it overrides the default that authors follow their threads.
export const DELETE = apiRoute(async ({ request, actor }) =>
  json(await setFollowing(requireActor(actor), await readJson(request, followSchema), false)),
);

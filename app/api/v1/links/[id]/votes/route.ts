import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { castVote } from "@/lib/threads/vote-services";
import { voteSchema } from "@/lib/validations/debate";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  const { value } = await readJson(request, voteSchema);
  return json(await castVote(actor, { kind: "link", id: params.id }, value));
});

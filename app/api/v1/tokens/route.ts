import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { createToken, listTokens } from "@/lib/tokens/tokens";
import { createTokenSchema } from "@/lib/validations/user";

export const GET = apiRoute(async ({ actor }) => {
  const tokens = await listTokens(requireActor(actor).id);
  return json({ items: tokens, nextCursor: null });
});

// Tokens are minted from a browser session only, so a leaked token cannot mint more.
export const POST = apiRoute(async ({ request, actor, authenticatedBy }) => {
  const user = requireActor(actor);
  if (authenticatedBy !== "session")
    throw new AppError("forbidden", "Create tokens while signed in to the web app, not with another token.");
  const { name } = await readJson(request, createTokenSchema);
  return json(await createToken(user.id, name), 201);
});

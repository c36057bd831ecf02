import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { enforce, RATE_LIMITS } from "@/lib/rate-limit";
import { clientAddress } from "@/lib/security/forwarded";
import { createUser } from "@/lib/users/create-user";
import { signUpSchema } from "@/lib/validations/user";

export const POST = apiRoute(async ({ request }) => {
  await enforce(`signup:${clientAddress(request.headers)}`, RATE_LIMITS.signUp, "Too many sign-ups from this address.");
  const input = await readJson(request, signUpSchema);
  return json(await createUser(input), 201);
});

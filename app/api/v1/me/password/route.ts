import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { noContent } from "@/lib/api/respond";
import { getCurrentSession } from "@/lib/auth/current-user";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/validations/user";

// Changes the password; every other browser session is signed out (this one stays).
export const PUT = apiRoute(async ({ request, actor, authenticatedBy }) => {
  const user = requireActor(actor);
  const input = await readJson(request, changePasswordSchema);
  const current = authenticatedBy === "session" ? await getCurrentSession() : null;
  await changePassword(user.id, input, current?.id ?? null);
  return noContent();
});

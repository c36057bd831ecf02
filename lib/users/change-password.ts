import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { enforce, RATE_LIMITS } from "@/lib/rate-limit";
import type { ChangePasswordInput } from "@/lib/validations/user";

// Sets a new password after checking the current one, and signs out every other
// browser session of the account (all of them when `keepSessionId` is null).
export async function changePassword(userId: string, input: ChangePasswordInput, keepSessionId: string | null) {
  await enforce(`password:${userId}`, RATE_LIMITS.signIn, "Too many password changes for this account.");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash)))
    throw new AppError("invalid_input", "The current password is not right.", {
      currentPassword: ["Not your current password."],
    });
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await revokeUserSessions(userId, keepSessionId);
}

import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import type { SignUpInput } from "@/lib/validations/user";
import { Prisma } from "@/lib/generated/prisma/client";

export function isSignUpEnabled() {
  return process.env.SIGNUP_DISABLED !== "1";
}

// Creates the account. Invitations to its email wait for the person to accept them
// (lib/workspaces/invitations.ts): signing up joins nothing by itself.
export async function createUser(input: SignUpInput) {
  if (!isSignUpEnabled())
    throw new AppError("forbidden", "Sign-up is switched off on this server. Ask an administrator for an account.");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists. Sign in instead.", {
        email: ["Already registered."],
      });
    }
    throw error;
  }
}

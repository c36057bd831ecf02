import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import type { SignUpInput } from "@/lib/validations/user";
import { Prisma } from "@/lib/generated/prisma/client";

export function isSignUpEnabled() {
  return process.env.SIGNUP_DISABLED !== "1";
}

// Creates the account and turns any pending invitations for its email into memberships.
export async function createUser(input: SignUpInput) {
  if (!isSignUpEnabled())
    throw new AppError("forbidden", "Sign-up is switched off on this server. Ask an administrator for an account.");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      await acceptInvitations(tx, user.id, user.email);
      return user;
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

export async function acceptInvitations(tx: Prisma.TransactionClient, userId: string, email: string) {
  const invitations = await tx.invitation.findMany({ where: { email } });
  for (const invitation of invitations) {
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
      create: { workspaceId: invitation.workspaceId, userId, role: invitation.role },
      update: {},
    });
  }
  await tx.invitation.deleteMany({ where: { email } });
}

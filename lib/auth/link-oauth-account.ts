import "server-only";
import { db } from "@/lib/db";
import { isSignUpEnabled } from "@/lib/users/create-user";

type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email: string | null;
  name: string | null;
  emailVerified: boolean;
};

// Finds or creates the Counterpoint user for an OAuth identity. Only a verified
// email may join an identity to an existing account.
export async function linkOAuthAccount(identity: OAuthIdentity): Promise<boolean> {
  const existing = await db.oAuthAccount.findUnique({
    where: {
      provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId },
    },
  });
  if (existing) return true;
  if (!identity.email || !identity.emailVerified) return false;
  const email = identity.email.toLowerCase();
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email } });
    if (!user) {
      if (!isSignUpEnabled()) return false;
      user = await tx.user.create({ data: { email, name: identity.name || email.split("@")[0]! } });
    }
    await tx.oAuthAccount.create({
      data: { userId: user.id, provider: identity.provider, providerAccountId: identity.providerAccountId },
    });
    return true;
  });
}

import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/validations/user";
import { linkOAuthAccount } from "@/lib/auth/link-oauth-account";
import { safeRedirectUrl } from "@/lib/auth/callback-path";
import { revokeSession, startSession } from "@/lib/auth/sessions";
import { githubProvider, isEmailVerified } from "@/lib/auth/github";

async function requestUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null; // outside a request
  }
}

function oauthProviders() {
  const providers = [];
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET) {
    providers.push(githubProvider(process.env.GITHUB_ID, process.env.GITHUB_SECRET));
  }
  if (process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({ clientId: process.env.GOOGLE_CLIENT_ID, clientSecret: process.env.GOOGLE_CLIENT_SECRET }),
    );
  }
  return providers;
}

export const configuredOAuthProviders = () => oauthProviders().map((p) => ({ id: p.id, name: p.name }));

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Sign-in limits are applied around this callback (lib/auth/sign-in-limits.ts).
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await db.user.findUnique({ where: { email } });
        if (!user?.passwordHash) return verifyAgainstDummy(password).then(() => null);
        if (!(await verifyPassword(password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    // After sign-in (or sign-out), only a page on this site: never another origin.
    redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
    async signIn({ account, profile, user }) {
      if (!account || account.provider === "credentials") return true;
      const linked = await linkOAuthAccount({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: user.email ?? profile?.email ?? null,
        name: user.name ?? profile?.name ?? null,
        emailVerified: isEmailVerified(profile),
      });
      return linked ? true : "/signin?error=OAuthAccountNotLinked";
    },
    // At sign-in, a Session row is started and its id goes into the cookie's JWT;
    // every later request is checked against that row (lib/auth/current-user.ts).
    async jwt({ token, user, account }) {
      if (account && user) {
        let userId: string | undefined;
        if (account.provider === "credentials") {
          userId = user.id;
        } else {
          const link = await db.oAuthAccount.findUnique({
            where: {
              provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId },
            },
          });
          userId = link?.userId;
        }
        token.uid = userId;
        token.sid = userId ? await startSession(userId, await requestUserAgent()) : undefined;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      if (typeof token.sid === "string") (session as { sid?: string }).sid = token.sid;
      return session;
    },
  },
  events: {
    // Signing out ends the session itself, not just the cookie.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};

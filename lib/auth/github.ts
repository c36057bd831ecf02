import GitHubProvider, { type GithubProfile } from "next-auth/providers/github";

// GitHub sign-in that only ever reports an email GitHub says is verified. GitHub's
// /user profile has no verification flag (its `email` is just the public one), so
// the email comes from /user/emails (scope `user:email`): the primary address,
// and only when it is verified.

type GitHubEmail = { email: string; primary: boolean; verified: boolean };
export type GitHubProfile = GithubProfile & { email_verified: boolean };

export function verifiedPrimaryEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const primary = (emails as Partial<GitHubEmail>[]).find((entry) => entry?.primary === true);
  return primary?.verified === true && typeof primary.email === "string" ? primary.email : null;
}

// next-auth's userinfo step: the profile, with `email` replaced by the verified primary one (or null).
export async function githubUserinfo(
  accessToken: string,
  fetchProfile: (token: string) => Promise<unknown>,
): Promise<GitHubProfile> {
  const profile = await fetchProfile(accessToken);
  const response = await fetch("https://api.github.com/user/emails", {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json" },
  });
  const email = response.ok ? verifiedPrimaryEmail(await response.json()) : null;
  return { ...(profile as GitHubProfile), email, email_verified: email !== null };
}

export function githubProvider(clientId: string, clientSecret: string) {
  return GitHubProvider<GitHubProfile>({
    clientId,
    clientSecret,
    authorization: { params: { scope: "read:user user:email" } },
    userinfo: {
      url: "https://api.github.com/user",
      // next-auth types this step as returning its generic Profile; profile() below reads ours.
      request: async ({ client, tokens }) =>
        (await githubUserinfo(tokens.access_token!, (token) => client.userinfo(token))) as never,
    },
    profile: (profile) => ({
      id: String(profile.id),
      name: profile.name ?? profile.login,
      email: profile.email,
      image: profile.avatar_url,
    }),
  });
}

// Whether a provider's profile vouches for its email: GitHub through githubUserinfo,
// Google through its `email_verified` claim. Anything else is unverified.
export const isEmailVerified = (profile: unknown): boolean =>
  (profile as { email_verified?: unknown } | undefined)?.email_verified === true;

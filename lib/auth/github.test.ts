import { afterEach, describe, expect, it, vi } from "vitest";
import { githubUserinfo, isEmailVerified, verifiedPrimaryEmail } from "./github";

// Shapes as GitHub's REST API answers GET /user and GET /user/emails (addresses invented).
const USER = {
  login: "octo-reader",
  id: 5551234,
  node_id: "MDQ6VXNlcjU1NTEyMzQ=",
  avatar_url: "https://avatars.githubusercontent.com/u/5551234?v=4",
  name: "Octo Reader",
  email: "public@unverified.example", // the public profile email: GitHub does not say it is verified
};
const EMAILS = [
  { email: "old@work.example", primary: false, verified: true, visibility: null },
  { email: "octo@reader.example", primary: true, verified: true, visibility: "private" },
  { email: "5551234+octo-reader@users.noreply.github.com", primary: false, verified: true, visibility: null },
];

describe("verifiedPrimaryEmail", () => {
  it("is the primary address when GitHub marks it verified", () => {
    expect(verifiedPrimaryEmail(EMAILS)).toBe("octo@reader.example");
  });

  it("is nothing when the primary address is unverified, even if another one is verified", () => {
    const unverified = EMAILS.map((entry) => (entry.primary ? { ...entry, verified: false } : entry));
    expect(verifiedPrimaryEmail(unverified)).toBeNull();
  });

  it("is nothing for an empty list or an error body", () => {
    expect(verifiedPrimaryEmail([])).toBeNull();
    expect(verifiedPrimaryEmail({ message: "Requires authentication" })).toBeNull();
  });
});

describe("githubUserinfo", () => {
  afterEach(() => vi.unstubAllGlobals());

  const answering = (status: number, body: unknown) =>
    vi.fn(async (url: string) => {
      expect(url).toBe("https://api.github.com/user/emails");
      return new Response(JSON.stringify(body), { status });
    });

  it("replaces the public profile email with the verified primary one, and vouches for it", async () => {
    vi.stubGlobal("fetch", answering(200, EMAILS));
    const profile = await githubUserinfo("gho_token", async () => USER);
    expect(profile).toMatchObject({ id: USER.id, email: "octo@reader.example", email_verified: true });
    expect(isEmailVerified(profile)).toBe(true);
  });

  it("reports no email, unverified, when GitHub does not vouch for one", async () => {
    vi.stubGlobal("fetch", answering(200, [{ ...EMAILS[1], verified: false }]));
    const profile = await githubUserinfo("gho_token", async () => USER);
    expect(profile).toMatchObject({ email: null, email_verified: false });
    expect(isEmailVerified(profile)).toBe(false);
  });

  it("reports no email when /user/emails is refused (no user:email scope)", async () => {
    vi.stubGlobal("fetch", answering(404, { message: "Not Found" }));
    expect(await githubUserinfo("gho_token", async () => USER)).toMatchObject({ email: null, email_verified: false });
  });
});

describe("isEmailVerified", () => {
  it("takes only an explicit true: a profile without the claim is unverified", () => {
    expect(isEmailVerified({ email: "a@b.example", email_verified: true })).toBe(true);
    expect(isEmailVerified({ email: "a@b.example" })).toBe(false);
    expect(isEmailVerified({ email: "a@b.example", email_verified: "true" })).toBe(false);
    expect(isEmailVerified(undefined)).toBe(false);
  });
});

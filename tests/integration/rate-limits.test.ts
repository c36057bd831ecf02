import { afterEach, describe, expect, it, vi } from "vitest";
import * as me from "@/app/api/v1/me/route";
import * as users from "@/app/api/v1/users/route";
import { authOptions } from "@/lib/auth/options";
import { deviceCookieName, withSignInLimits } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { hashToken } from "@/lib/tokens/tokens";
import { call, expectError, makeUser, uniqueEmail } from "../support/api";

// A window already used up, as if the limit's worth of attempts had just been made.
const exhaust = (key: string, limit: number) =>
  db.rateLimit.upsert({
    where: { key },
    create: { key, windowStart: new Date(), count: limit },
    update: { windowStart: new Date(), count: limit },
  });

type Authorize = (credentials: Record<string, string>) => Promise<unknown>;
const credentials = authOptions.providers.find((provider) => provider.id === "credentials") as unknown as {
  options: { authorize: Authorize };
};

// POST /api/auth/callback/credentials as next-auth answers it: the real authorize(), then
// 200 with a session cookie, or 401 pointing at the error page.
async function nextAuthCallback(request: Request): Promise<Response> {
  const form = await request.formData();
  const user = await credentials.options.authorize({
    email: String(form.get("email")),
    password: String(form.get("password")),
  });
  if (!user) return Response.json({ url: "http://localhost/api/auth/error?error=CredentialsSignin" }, { status: 401 });
  const response = Response.json({ url: "http://localhost/workspaces" });
  response.headers.append("Set-Cookie", "next-auth.session-token=jwt; Path=/; HttpOnly");
  return response;
}

const PASSWORD = "correct horse battery";
async function signIn(email: string, password: string, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ email, password, csrfToken: "x", json: "true" }),
  });
  const response = await withSignInLimits(request, () => nextAuthCallback(request));
  const device = response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith("cp-signin-device-"))
    ?.split(";")[0];
  return { status: response.status, response, device };
}
// All but the last of a window's failures, then the last one made for real.
async function failUpToLimit(email: string, address: string, headers: Record<string, string> = {}) {
  const limit = RATE_LIMITS.signIn.limit;
  await exhaust(`signin:pair:${address}:${email}`, limit - 1);
  await exhaust(`signin:email:${email}`, limit - 1);
  expect((await signIn(email, "wrong password", headers)).status).toBe(401);
}
const randomAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;

describe("rate limits", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("refuses a token once its window's requests are used up (429 with Retry-After)", async () => {
    const user = await makeUser("limited-token");
    expect((await call(me.GET, { token: user.token })).status).toBe(200);
    const token = await db.apiToken.findFirstOrThrow({ where: { tokenHash: hashToken(user.token) } });
    await exhaust(`token:${token.id}`, RATE_LIMITS.tokenUse.limit);
    const limited = await call(me.GET, { token: user.token });
    expectError(limited, 429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers sign-in from an address that keeps failing with 429 and Retry-After, even for the right password", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    const user = await makeUser("limited-signin");
    const from = { "x-forwarded-for": "203.0.113.50" };
    await failUpToLimit(user.email, "203.0.113.50", from);
    const limited = await signIn(user.email, PASSWORD, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
    // next-auth's client reads the error from `url`.
    expect(new URL((await limited.response.json()).url).searchParams.get("error")).toBe("RateLimited");
  });

  it("does not let a stranger lock the owner out: failures elsewhere only slow the right password down", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    const user = await makeUser("stranger-fails");
    await failUpToLimit(user.email, "198.51.100.66", { "x-forwarded-for": "198.51.100.66" });
    expect((await signIn(user.email, PASSWORD, { "x-forwarded-for": "198.51.100.66" })).status).toBe(429);
    const started = Date.now();
    expect((await signIn(user.email, PASSWORD, { "x-forwarded-for": "203.0.113.80" })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it("cannot be dodged by rotating X-Forwarded-For without a trusted proxy", async () => {
    const user = await makeUser("rotating-signin");
    await failUpToLimit(user.email, "direct", { "x-forwarded-for": randomAddress() });
    expect((await signIn(user.email, "wrong password", { "x-forwarded-for": randomAddress() })).status).toBe(429);
  });

  it("keeps a browser that signed in before signing in, whoever else is failing", async () => {
    const user = await makeUser("known-browser");
    const { status, device } = await signIn(user.email, PASSWORD);
    expect(status).toBe(200);
    expect(device).toBeDefined();
    await failUpToLimit(user.email, "direct");
    expect((await signIn(user.email, PASSWORD)).status).toBe(429);
    expect((await signIn(user.email, PASSWORD, { cookie: device! })).status).toBe(200);
    // A device cookie is good for its own account only, and cannot be forged.
    const other = await makeUser("other-account");
    await failUpToLimit(other.email, "direct");
    const otherCookie = `${deviceCookieName(other.email)}=${device!.split("=")[1]}`;
    expect((await signIn(other.email, PASSWORD, { cookie: otherCookie })).status).toBe(429);
    const forged = device!.replace(/\.[^.]+$/, ".forged");
    expect((await signIn(user.email, PASSWORD, { cookie: forged })).status).toBe(429);
  });

  it("cannot dodge the sign-up limit by rotating X-Forwarded-For without a trusted proxy", async () => {
    await exhaust("signup:direct", RATE_LIMITS.signUp.limit);
    try {
      const result = await call(users.POST, {
        method: "POST",
        headers: { "x-forwarded-for": randomAddress() },
        body: { email: uniqueEmail("rotating"), name: "X", password: "long enough password" },
      });
      expectError(result, 429);
    } finally {
      await db.rateLimit.delete({ where: { key: "signup:direct" } });
    }
  });
});

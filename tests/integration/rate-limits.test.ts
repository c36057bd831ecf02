import { describe, expect, it } from "vitest";
import * as me from "@/app/api/v1/me/route";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { hashToken } from "@/lib/tokens/tokens";
import { call, expectError, makeUser } from "../support/api";

// A window already used up, as if the limit's worth of attempts had just been made.
const exhaust = (key: string, limit: number) =>
  db.rateLimit.upsert({
    where: { key },
    create: { key, windowStart: new Date(), count: limit },
    update: { windowStart: new Date(), count: limit },
  });

type Authorize = (
  credentials: Record<string, string>,
  request: { headers: Record<string, string> },
) => Promise<unknown>;
const credentials = authOptions.providers.find((provider) => provider.id === "credentials") as unknown as {
  options: { authorize: Authorize };
};

describe("rate limits", () => {
  it("refuses a token once its window's requests are used up (429 with Retry-After)", async () => {
    const user = await makeUser("limited-token");
    expect((await call(me.GET, { token: user.token })).status).toBe(200);
    const token = await db.apiToken.findFirstOrThrow({ where: { tokenHash: hashToken(user.token) } });
    await exhaust(`token:${token.id}`, RATE_LIMITS.tokenUse.limit);
    const limited = await call(me.GET, { token: user.token });
    expectError(limited, 429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses sign-in attempts for an email once its window is used up, even with the right password", async () => {
    const user = await makeUser("limited-signin");
    const attempt = () =>
      credentials.options.authorize(
        { email: user.email, password: "correct horse battery" },
        { headers: { "x-forwarded-for": "10.9.9.9" } },
      );
    expect(await attempt()).toMatchObject({ id: user.id });
    await exhaust(`signin:email:${user.email}`, RATE_LIMITS.signIn.limit);
    await expect(attempt()).rejects.toThrow("RateLimited");
  });
});

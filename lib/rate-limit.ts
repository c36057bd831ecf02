import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type RateLimitRule = { limit: number; windowSeconds: number };

const fromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

// Limits per window; each can be raised by an environment variable (documented in the README).
export const RATE_LIMITS = {
  signIn: { limit: fromEnv("RATE_LIMIT_SIGNIN", 10), windowSeconds: 300 },
  signUp: { limit: fromEnv("RATE_LIMIT_SIGNUP", 20), windowSeconds: 3600 },
  tokenUse: { limit: fromEnv("RATE_LIMIT_TOKEN", 600), windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

// Fixed-window counter in PostgreSQL, so every app instance shares the count.
// Returns false when the limit is exceeded.
export async function consume(
  key: string,
  rule: RateLimitRule,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${rule.windowSeconds}) THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${rule.windowSeconds}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  const elapsed = (Date.now() - row.windowStart.getTime()) / 1000;
  return { allowed: row.count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil(rule.windowSeconds - elapsed)) };
}

export async function enforce(key: string, rule: RateLimitRule, message: string): Promise<void> {
  const { allowed, retryAfterSeconds } = await consume(key, rule);
  if (!allowed)
    throw new AppError(
      "rate_limited",
      `${message} Try again in ${retryAfterSeconds} seconds.`,
      undefined,
      retryAfterSeconds,
    );
}

// The current windows of several keys without counting an attempt (count 0 when expired).
export async function peek(
  keys: string[],
  rule: RateLimitRule,
): Promise<Record<string, { count: number; retryAfterSeconds: number }>> {
  const rows = await db.$queryRaw<{ key: string; count: number; windowStart: Date }[]>`
    SELECT "key", "count", "windowStart" FROM "RateLimit"
    WHERE "key" = ANY(${keys}) AND "windowStart" >= now() - make_interval(secs => ${rule.windowSeconds})`;
  return Object.fromEntries(
    keys.map((key) => {
      const row = rows.find((candidate) => candidate.key === key);
      const elapsed = row ? (Date.now() - row.windowStart.getTime()) / 1000 : rule.windowSeconds;
      return [key, { count: row?.count ?? 0, retryAfterSeconds: Math.max(1, Math.ceil(rule.windowSeconds - elapsed)) }];
    }),
  );
}

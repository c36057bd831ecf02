import { authSecret } from "./app-env";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

// What the test processes (vitest, Playwright and the app it starts) run with.
export function testEnv(database: { url: string; adminUrl: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: database.url,
    TEST_ADMIN_DATABASE_URL: database.adminUrl,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
    E2E_PORT: String(E2E_PORT),
    // Every e2e user signs up from the same address.
    RATE_LIMIT_SIGNUP: "1000",
    RATE_LIMIT_SIGNIN: "1000",
    // The authorization matrix sends well over 600 requests a minute with a few tokens on a
    // fast machine (tests/integration/rate-limits.test.ts checks the limit itself).
    RATE_LIMIT_TOKEN: "100000",
    NEXT_TELEMETRY_DISABLED: "1",
    // URL import may fetch from the pages tests serve on loopback (and nowhere else private).
    URL_IMPORT_ALLOW_PRIVATE: "127.0.0.1,::1",
  };
}

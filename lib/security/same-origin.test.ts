import { afterEach, describe, expect, it, vi } from "vitest";
import { assertSameOrigin } from "./same-origin";

const write = (headers: Record<string, string>, method = "POST") =>
  new Request("http://app.example/api/v1/workspaces", { method, headers: { host: "app.example", ...headers } });
const allowed = (request: Request) => {
  try {
    assertSameOrigin(request);
    return true;
  } catch {
    return false;
  }
};

describe("assertSameOrigin (cookie-authenticated writes)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("accepts our own pages", () => {
    expect(allowed(write({ origin: "http://app.example", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(allowed(write({ origin: "http://app.example" }))).toBe(true);
    expect(allowed(write({ "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("refuses a write that says neither where it came from", () => {
    expect(allowed(write({}))).toBe(false);
    expect(allowed(write({}, "GET"))).toBe(true);
  });

  it("refuses other sites, sibling sites and opaque origins", () => {
    expect(allowed(write({ origin: "https://evil.example" }))).toBe(false);
    expect(allowed(write({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(allowed(write({ "sec-fetch-site": "same-site", origin: "http://app.example" }))).toBe(false);
    expect(allowed(write({ origin: "null" }))).toBe(false);
  });

  it("does not let the request name its own host through X-Forwarded-Host", () => {
    expect(allowed(write({ origin: "https://evil.example", "x-forwarded-host": "evil.example" }))).toBe(false);
  });

  it("believes X-Forwarded-Host from a trusted proxy", () => {
    vi.stubEnv("TRUST_PROXY", "1");
    expect(allowed(write({ origin: "https://public.example", "x-forwarded-host": "public.example" }))).toBe(true);
  });

  it("accepts the configured public URL", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://public.example");
    expect(allowed(write({ origin: "https://public.example" }))).toBe(true);
  });
});

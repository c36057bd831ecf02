import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress, DIRECT_ADDRESS, trustedProxyHops } from "./forwarded";

const withForwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddress", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("ignores X-Forwarded-For without a trusted proxy: every caller is one direct address", () => {
    expect(trustedProxyHops()).toBe(0);
    expect(clientAddress(withForwardedFor("203.0.113.9"))).toBe(DIRECT_ADDRESS);
    expect(clientAddress(withForwardedFor("198.51.100.1"))).toBe(DIRECT_ADDRESS);
  });

  it("takes the address our proxy saw, not what the client prepended", () => {
    vi.stubEnv("TRUST_PROXY", "1");
    expect(clientAddress(withForwardedFor("6.6.6.6, 203.0.113.9"))).toBe("203.0.113.9");
    expect(clientAddress(withForwardedFor("203.0.113.9"))).toBe("203.0.113.9");
  });

  it("counts hops from the right with more than one proxy", () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "2");
    expect(clientAddress(withForwardedFor("6.6.6.6, 203.0.113.9, 10.0.0.2"))).toBe("203.0.113.9");
    expect(clientAddress(new Headers())).toBe(DIRECT_ADDRESS);
  });

  it("treats nonsense hop counts as no proxy", () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "lots");
    expect(clientAddress(withForwardedFor("203.0.113.9"))).toBe(DIRECT_ADDRESS);
  });
});

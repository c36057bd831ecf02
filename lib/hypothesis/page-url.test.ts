import { describe, expect, it } from "vitest";
import { cleanPageUrl, pageKey } from "./page-url";

describe("pageKey", () => {
  it("treats scheme, host case, default port, trailing slash, fragment and tracking parameters as the same page", () => {
    const key = pageKey("https://Example.org/essays/lanterns/?b=2&a=1");
    for (const same of [
      "http://example.org/essays/lanterns?a=1&b=2",
      "https://example.org:443/essays/lanterns/?a=1&b=2#section-3",
      "https://example.org/essays/lanterns?utm_source=mail&a=1&utm_campaign=x&b=2&fbclid=abc",
    ])
      expect(pageKey(same), same).toBe(key);
    expect(pageKey("https://example.org/essays/lanterns?a=2&b=2")).not.toBe(key);
    expect(pageKey("https://example.org/essays/other")).not.toBe(key);
    expect(pageKey("urn:x-pdf:abc#page=2")).toBe("urn:x-pdf:abc");
  });

  it("keeps a web source's address without its fragment and tracking parameters", () => {
    expect(cleanPageUrl("https://example.org/a?utm_medium=x&id=3#top")).toBe("https://example.org/a?id=3");
  });
});

import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./callback-path";

describe("safeCallbackPath", () => {
  it("keeps paths on this site, with their query and passage anchor", () => {
    expect(safeCallbackPath("/documents/abc#annotation-x1")).toBe("/documents/abc#annotation-x1");
    expect(safeCallbackPath("/workspaces/w1/search?q=%E2%80%9Ctrust%E2%80%9D")).toBe(
      "/workspaces/w1/search?q=%E2%80%9Ctrust%E2%80%9D",
    );
    expect(safeCallbackPath("/workspaces/w1/collections/c1")).toBe("/workspaces/w1/collections/c1");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%2F/evil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/%E0%A4%A",
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/workspaces");
  });

  it("makes next-auth's absolute URLs safe too", () => {
    expect(safeRedirectUrl("http://localhost:3000/documents/a#annotation-b", "http://localhost:3000")).toBe(
      "http://localhost:3000/documents/a#annotation-b",
    );
    expect(safeRedirectUrl("https://evil.example/x", "http://localhost:3000")).toBe("http://localhost:3000/workspaces");
    expect(safeRedirectUrl("http://localhost:3000//evil.example", "http://localhost:3000")).toBe(
      "http://localhost:3000/workspaces",
    );
  });
});

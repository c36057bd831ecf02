import { describe, expect, it } from "vitest";
import { canEditDocument } from "./document-policy";

describe("canEditDocument", () => {
  it("lets the importer and moderators edit, and nobody else", () => {
    const access = (role: "owner" | "moderator" | "researcher" | "viewer" | null) => ({
      role,
      visibility: "public" as const,
    });
    expect(canEditDocument(access("researcher"), "me", "me")).toBe(true);
    expect(canEditDocument(access("researcher"), "someone", "me")).toBe(false);
    expect(canEditDocument(access("moderator"), "someone", "me")).toBe(true);
    expect(canEditDocument(access("owner"), "someone", "me")).toBe(true);
    expect(canEditDocument(access("viewer"), "me", "me")).toBe(false);
    expect(canEditDocument(access(null), "me", "me")).toBe(false);
  });
});

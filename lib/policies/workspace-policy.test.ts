import { describe, expect, it } from "vitest";
import { can, canSee, type Permission } from "./workspace-policy";

const PERMISSIONS: Permission[] = [
  "read",
  "export",
  "import",
  "annotate",
  "reply",
  "link",
  "vote",
  "flag",
  "moderate",
  "manage_members",
  "manage_workspace",
];

// The exact expected matrix: role → permissions allowed.
const EXPECTED: Record<string, Permission[]> = {
  owner: PERMISSIONS,
  moderator: ["read", "export", "import", "annotate", "reply", "link", "vote", "flag", "moderate"],
  researcher: ["read", "export", "import", "annotate", "reply", "link", "vote", "flag"],
  viewer: ["read", "export", "flag"],
};

describe("workspace policy", () => {
  for (const visibility of ["private", "public"] as const) {
    for (const [role, allowed] of Object.entries(EXPECTED)) {
      it(`${role} in a ${visibility} workspace`, () => {
        for (const permission of PERMISSIONS) {
          expect(can({ role: role as keyof typeof EXPECTED & "owner", visibility }, permission), permission).toBe(
            allowed.includes(permission),
          );
        }
      });
    }
  }

  it("non-members see nothing of a private workspace and only read a public one (and flag it, when signed in)", () => {
    expect(canSee({ role: null, visibility: "private" })).toBe(false);
    expect(PERMISSIONS.filter((p) => can({ role: null, visibility: "private" }, p))).toEqual([]);
    expect(PERMISSIONS.filter((p) => can({ role: null, visibility: "private", isSignedIn: true }, p))).toEqual([]);
    expect(canSee({ role: null, visibility: "public" })).toBe(true);
    expect(PERMISSIONS.filter((p) => can({ role: null, visibility: "public" }, p))).toEqual(["read", "export"]);
    expect(PERMISSIONS.filter((p) => can({ role: null, visibility: "public", isSignedIn: true }, p))).toEqual([
      "read",
      "export",
      "flag",
    ]);
  });
});

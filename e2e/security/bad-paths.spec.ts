import { expect, test } from "@playwright/test";

// Paths Next itself cannot decode (%-escapes that are not UTF-8) and ids with NUL,
// sent to the real server: always a 4xx, never a 500.
const UNDECODABLE = ["%FF", "%C3%28", "%ED%A0%80", "%C0%80"];

test("paths with invalid UTF-8 or NUL answer 4xx on the API and on pages", async ({ request }) => {
  for (const escape of UNDECODABLE) {
    for (const path of [`/api/v1/documents/${escape}`, `/api/v1/workspaces/x${escape}/members`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_input");
    }
    const page = await request.get(`/documents/${escape}`, { maxRedirects: 0 });
    expect(page.status(), `/documents/${escape}`).toBe(400);
  }
  for (const path of ["/api/v1/documents/%00", "/api/v1/workspaces/%00/members", "/api/v1/annotations/a%00b/thread"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_input");
  }
  // Pages too (their metadata would otherwise send the NUL to PostgreSQL).
  for (const path of ["/workspaces/%00", "/documents/a%00b", "/workspaces/x/collections/%00"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
  }
});

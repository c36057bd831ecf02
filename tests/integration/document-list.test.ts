// The workspace's document list: orders, filters, pages and counts as each person sees it.
import { describe, expect, it } from "vitest";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { call, expectError, workspaceWithTeam } from "../support/api";

type Listed = { id: string; title: string; annotationCount: number; sourceFormat: string };

describe("document list", () => {
  it("sorts, filters by format, author, year and discussion, pages with a cursor and counts the matches", async () => {
    const team = await workspaceWithTeam("doclist", "Document list");
    const imported: Record<string, string> = {};
    const specs = [
      { title: "Beta report", authors: ["Ada Lin"], publishedAt: "2019-05-01", markdown: "# Beta\n\nTrade grew." },
      { title: "Alpha note", authors: ["Bo Chen"], publishedAt: "2023-02-01", text: "Exercises grew too." },
      { title: "Gamma brief", authors: ["Ada Lin", "Bo Chen"], text: "No date on this one at all." },
      {
        title: "Delta memo",
        authors: [],
        publishedAt: "2021-09-09",
        html: "<p>Neither side promised.</p>",
      },
    ];
    for (const spec of specs) {
      const created = await call(documents.POST, {
        method: "POST",
        token: team.owner.token,
        params: { id: team.workspaceId },
        body: spec,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      imported[spec.title] = created.body.id;
    }
    const list = async (query: string, token = team.viewer.token) => {
      const result = await call(documents.GET, {
        token,
        params: { id: team.workspaceId },
        path: `/x?${query}`,
      });
      expect(result.status).toBe(200);
      return result.body as { items: Listed[]; nextCursor: string | null; total: number };
    };
    const titles = (body: { items: Listed[] }) => body.items.map((item) => item.title);

    expect(titles(await list(""))).toEqual(["Delta memo", "Gamma brief", "Alpha note", "Beta report"]);
    expect(titles(await list("sort=title"))).toEqual(["Alpha note", "Beta report", "Delta memo", "Gamma brief"]);
    // Newest publication first; undated last.
    expect(titles(await list("sort=published"))).toEqual(["Alpha note", "Delta memo", "Beta report", "Gamma brief"]);
    expect(titles(await list("format=markdown"))).toEqual(["Beta report"]);
    expect((await list("format=html")).items[0]!.sourceFormat).toBe("html");
    expect(titles(await list("author=Ada%20Lin&sort=title"))).toEqual(["Beta report", "Gamma brief"]);
    expect(titles(await list("from=2020&to=2021"))).toEqual(["Delta memo"]);
    expect(titles(await list("from=2021&sort=published"))).toEqual(["Alpha note", "Delta memo"]);

    // Pages follow the order asked; the total counts every match.
    const first = await list("sort=title&limit=3");
    expect(first.total).toBe(4);
    expect(titles(first)).toEqual(["Alpha note", "Beta report", "Delta memo"]);
    const second = await list(`sort=title&limit=3&cursor=${first.nextCursor}`);
    expect(titles(second)).toEqual(["Gamma brief"]);
    expect(second.nextCursor).toBeNull();

    // "Discussed" is judged by what the caller sees: a pending passage counts for its author only.
    await call(workspace.PATCH, {
      method: "PATCH",
      token: team.owner.token,
      params: { id: team.workspaceId },
      body: { preModeration: true },
    });
    const annotated = await call(annotations.POST, {
      method: "POST",
      token: team.researcher.token,
      params: { id: imported["Alpha note"]! },
      body: { selectors: describeQuote("Exercises grew too.", "Exercises") },
    });
    expect(annotated.status).toBe(201);
    expect(titles(await list("discussed=yes", team.researcher.token))).toEqual(["Alpha note"]);
    expect((await list("discussed=yes", team.viewer.token)).total).toBe(0);
    expect((await list("discussed=no", team.viewer.token)).total).toBe(4);

    expectError(
      await call(documents.GET, { token: team.viewer.token, params: { id: team.workspaceId }, path: "/x?sort=random" }),
      400,
    );
    expectError(
      await call(documents.GET, { token: team.viewer.token, params: { id: team.workspaceId }, path: "/x?from=twenty" }),
      400,
    );
  });
});

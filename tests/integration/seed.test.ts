import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { DEMO_ANNOTATIONS, DEMO_USERS } from "@/prisma/seed/demo-content";
import { toUtf16Index } from "@/lib/anchoring/selectors";

describe("demo seed", () => {
  it("creates a workspace with every role, anchored annotations, a reply, links and a collection — once", async () => {
    expect((await seedDemo(db)).created).toBe(true);
    expect((await seedDemo(db)).created).toBe(false);
    const workspace = await db.workspace.findFirstOrThrow({
      where: { memberships: { some: { user: { email: DEMO_USERS[0].email } } } },
      include: { memberships: true },
    });
    expect(workspace.memberships.map((m) => m.role).sort()).toEqual(["moderator", "owner", "researcher", "viewer"]);
    const annotations = await db.annotation.findMany({
      where: { workspaceId: workspace.id },
      include: { document: true },
    });
    expect(annotations).toHaveLength(DEMO_ANNOTATIONS.length);
    for (const annotation of annotations) {
      const { text } = annotation.document;
      expect(text.slice(toUtf16Index(text, annotation.start), toUtf16Index(text, annotation.end))).toBe(
        annotation.quote,
      );
    }
    expect(await db.reply.count({ where: { workspaceId: workspace.id } })).toBeGreaterThan(0);
    expect(
      await db.passageLink.count({ where: { workspaceId: workspace.id, relation: "contradicts" } }),
    ).toBeGreaterThan(0);
    const collection = await db.collection.findFirstOrThrow({
      where: { workspaceId: workspace.id },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(collection.items.map((item) => (item.linkId ? "link" : "annotation"))).toEqual([
      "link",
      "link",
      "annotation",
    ]);
  });
});

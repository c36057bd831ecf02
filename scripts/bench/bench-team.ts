import { createHash, randomBytes } from "node:crypto";
import type { createDb } from "@/lib/db";

// A workspace of `count` people with API tokens (the first its owner, the rest in `role`) and
// one document by the owner, written straight to the database, for the live benchmarks.
export async function seedTeamWithDocument(
  client: ReturnType<typeof createDb>,
  team: {
    count: number;
    email: (index: number) => string;
    name: (index: number) => string;
    role: "researcher" | "viewer";
    workspaceName: string;
    title: string;
    text: string;
  },
) {
  const users = await client.user.createManyAndReturn({
    data: Array.from({ length: team.count }, (_, index) => ({ email: team.email(index), name: team.name(index) })),
  });
  const workspace = await client.workspace.create({
    data: {
      name: team.workspaceName,
      memberships: {
        create: users.map((user, index) => ({ userId: user.id, role: index === 0 ? "owner" : team.role })),
      },
    },
  });
  const document = await client.document.create({
    data: {
      workspaceId: workspace.id,
      title: team.title,
      text: team.text,
      contentHash: createHash("sha256").update(team.text).digest("hex"),
      createdById: users[0]!.id,
    },
  });
  const tokens = users.map(() => `cpt_${randomBytes(24).toString("base64url")}`);
  await client.apiToken.createMany({
    data: users.map((user, index) => ({
      userId: user.id,
      name: "bench",
      tokenHash: createHash("sha256").update(tokens[index]!).digest("hex"),
      prefix: tokens[index]!.slice(0, 10),
    })),
  });
  return { users, workspace, document, tokens };
}

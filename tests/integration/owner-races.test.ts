import { describe, expect, it } from "vitest";
import * as member from "@/app/api/v1/workspaces/[id]/members/[userId]/route";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createToken } from "@/lib/tokens/tokens";
import { call, uniqueEmail } from "../support/api";

const PAIRS = 200;

// Workspaces with two owners each, made straight in the database (the race, not the setup, is under test).
async function twoOwnerWorkspaces(label: string, count: number) {
  const passwordHash = await hashPassword("correct horse battery");
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: count * 2 }, (_, index) => ({
      email: uniqueEmail(`${label}-${index}`),
      name: `Owner ${index}`,
      passwordHash,
    })),
    select: { id: true },
  });
  const tokens = await Promise.all(users.map((user) => createToken(user.id, "tests").then((made) => made.token)));
  const workspaces = await db.workspace.createManyAndReturn({
    data: Array.from({ length: count }, (_, index) => ({ name: `${label} ${index}` })),
    select: { id: true },
  });
  await db.membership.createMany({
    data: workspaces.flatMap((workspace, index) => [
      { workspaceId: workspace.id, userId: users[2 * index]!.id, role: "owner" as const },
      { workspaceId: workspace.id, userId: users[2 * index + 1]!.id, role: "owner" as const },
    ]),
  });
  return workspaces.map((workspace, index) => ({
    id: workspace.id,
    a: { id: users[2 * index]!.id, token: tokens[2 * index]! },
    b: { id: users[2 * index + 1]!.id, token: tokens[2 * index + 1]! },
  }));
}

async function workspacesWithoutOwner(ids: string[]) {
  const owned = await db.membership.groupBy({
    by: ["workspaceId"],
    where: { workspaceId: { in: ids }, role: "owner" },
  });
  return ids.length - owned.length;
}

// Each pair of requests must leave the workspace with an owner: one succeeds, the other is refused with 409.
function expectOneWinnerPerPair(statuses: [number, number][], success: number) {
  const outcomes = statuses.map((pair) => [...pair].sort().join("+"));
  const tally = outcomes.reduce<Record<string, number>>((counts, outcome) => {
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    return counts;
  }, {});
  expect(tally).toEqual({ [[success, 409].sort().join("+")]: statuses.length });
}

describe("a workspace always has an owner", { timeout: 180_000 }, () => {
  it(`keeps an owner when ${PAIRS} pairs of owners demote each other at once`, async () => {
    const raced = await twoOwnerWorkspaces("demote", PAIRS);
    const statuses = await Promise.all(
      raced.map(({ id, a, b }) =>
        Promise.all([
          call(member.PATCH, {
            method: "PATCH",
            token: a.token,
            params: { id, userId: b.id },
            body: { role: "viewer" },
          }),
          call(member.PATCH, {
            method: "PATCH",
            token: b.token,
            params: { id, userId: a.id },
            body: { role: "viewer" },
          }),
        ]).then(([first, second]) => [first.status, second.status] as [number, number]),
      ),
    );
    expect(await workspacesWithoutOwner(raced.map((workspace) => workspace.id))).toBe(0);
    expectOneWinnerPerPair(statuses, 200);
  });

  it(`keeps an owner when ${PAIRS} pairs of owners both leave at once`, async () => {
    const raced = await twoOwnerWorkspaces("leave", PAIRS);
    const statuses = await Promise.all(
      raced.map(({ id, a, b }) =>
        Promise.all([
          call(member.DELETE, { method: "DELETE", token: a.token, params: { id, userId: a.id } }),
          call(member.DELETE, { method: "DELETE", token: b.token, params: { id, userId: b.id } }),
        ]).then(([first, second]) => [first.status, second.status] as [number, number]),
      ),
    );
    expect(await workspacesWithoutOwner(raced.map((workspace) => workspace.id))).toBe(0);
    expectOneWinnerPerPair(statuses, 204);
  });

  it(`keeps an owner when ${PAIRS} owners leave while demoting the other owner`, async () => {
    const raced = await twoOwnerWorkspaces("cross", PAIRS);
    const statuses = await Promise.all(
      raced.map(({ id, a, b }) =>
        Promise.all([
          call(member.PATCH, {
            method: "PATCH",
            token: a.token,
            params: { id, userId: b.id },
            body: { role: "viewer" },
          }),
          call(member.DELETE, { method: "DELETE", token: a.token, params: { id, userId: a.id } }),
        ]).then(([first, second]) => [first.status, second.status] as [number, number]),
      ),
    );
    expect(await workspacesWithoutOwner(raced.map((workspace) => workspace.id))).toBe(0);
    // Whichever goes first wins; the other is refused (409, or 404 once a has left the private workspace).
    for (const [demote, leave] of statuses) {
      expect([demote, leave].filter((status) => status === 200 || status === 204)).toHaveLength(1);
      expect([409, 404]).toContain(demote === 200 ? leave : demote);
    }
  });
});

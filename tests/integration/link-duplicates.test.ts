import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as links from "@/app/api/v1/links/route";
import * as link from "@/app/api/v1/links/[id]/route";
import * as claims from "@/app/api/v1/workspaces/[id]/claims/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { AXIS_TITLE, NO_ALLIANCE, readFixture } from "../fixtures/texts";
import { call, expectError, workspaceWithTeam } from "../support/api";

const axisEssay = readFixture("axis").trim();
const allianceEssay = readFixture("alliance").trim();

async function setup() {
  const team = await workspaceWithTeam("dupes", "Duplicates");
  const { owner, workspaceId } = team;
  const importText = async (title: string, text: string) =>
    (
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title, text },
      })
    ).body.id as string;
  const axisDocId = await importText("Axis essay", axisEssay);
  const allianceDocId = await importText("Alliance essay", allianceEssay);
  const annotate = async (token: string, documentId: string, text: string, quote: string) => {
    const response = await call(annotations.POST, {
      method: "POST",
      token,
      params: { id: documentId },
      body: { selectors: describeQuote(text, quote)! },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const axis = (token: string, quote: string) => annotate(token, axisDocId, axisEssay, quote);
  const alliance = (token: string, quote: string) => annotate(token, allianceDocId, allianceEssay, quote);
  const linkThem = (token: string, body: Record<string, unknown>) => call(links.POST, { method: "POST", token, body });
  return { ...team, axis, alliance, linkThem };
}

describe("near-duplicate links", () => {
  it("refuses the same relation between overlapping passages, either way round, with the existing link's id", async () => {
    const { owner, researcher, axis, alliance, linkThem } = await setup();
    const first = await linkThem(owner.token, {
      fromAnnotationId: await axis(owner.token, AXIS_TITLE),
      toAnnotationId: await alliance(owner.token, NO_ALLIANCE),
      relation: "contradicts",
    });
    expect(first.status).toBe(201);

    // Another researcher's passages overlap both ends (a longer selection here, a shorter one there).
    const wider = await axis(researcher.token, `${AXIS_TITLE}`.slice(4));
    const shorter = await alliance(researcher.token, "stopped short of a formal alliance");
    const again = await linkThem(researcher.token, {
      fromAnnotationId: shorter,
      toAnnotationId: wider,
      relation: "contradicts",
    });
    expectError(again, 409);
    expect(again.body.error).toMatchObject({ code: "duplicate", existingId: first.body.id });

    // Another relation between the same passages is another argument, not a duplicate.
    const qualifies = await linkThem(researcher.token, {
      fromAnnotationId: shorter,
      toAnnotationId: wider,
      relation: "qualifies",
    });
    expect(qualifies.status).toBe(201);
    // Passages that do not overlap are not duplicates either.
    const elsewhere = await alliance(researcher.token, "An alliance would also create obligations");
    expect(
      (
        await linkThem(researcher.token, {
          fromAnnotationId: elsewhere,
          toAnnotationId: wider,
          relation: "contradicts",
        })
      ).status,
    ).toBe(201);
    // Asked for, the duplicate is made.
    const allowed = await linkThem(researcher.token, {
      fromAnnotationId: shorter,
      toAnnotationId: wider,
      relation: "contradicts",
      allowDuplicate: true,
    });
    expect(allowed.status).toBe(201);
  });

  it("does not name a link the author may not see, nor a removed one", async () => {
    const { owner, researcher, moderator, axis, alliance, linkThem } = await setup();
    const from = await axis(owner.token, AXIS_TITLE);
    const to = await alliance(owner.token, NO_ALLIANCE);
    const first = await linkThem(owner.token, { fromAnnotationId: from, toAnnotationId: to, relation: "agrees" });
    expect(first.status).toBe(201);
    const hidden = await call(actions.POST, {
      method: "POST",
      token: moderator.token,
      body: { targetType: "link", targetId: first.body.id, action: "hide", reason: "off topic" },
    });
    expect(hidden.status, JSON.stringify(hidden.body)).toBeLessThan(300);
    const mine = await axis(researcher.token, AXIS_TITLE);
    const theirs = await alliance(researcher.token, NO_ALLIANCE);
    expect(
      (await linkThem(researcher.token, { fromAnnotationId: mine, toAnnotationId: theirs, relation: "agrees" })).status,
    ).toBe(201);

    const again = await linkThem(owner.token, { fromAnnotationId: from, toAnnotationId: to, relation: "elaborates" });
    expect(again.status).toBe(201);
    expect(
      (await call(link.DELETE, { method: "DELETE", token: owner.token, params: { id: again.body.id } })).status,
    ).toBe(204);
    // (The same two annotations stay refused by the database's unique key; fresh ones are not.)
    const fresh = await axis(owner.token, AXIS_TITLE);
    expect(
      (await linkThem(owner.token, { fromAnnotationId: fresh, toAnnotationId: to, relation: "elaborates" })).status,
    ).toBe(201);
  });
});

describe("near-duplicate claims", () => {
  it("refuses a claim whose title nearly repeats one in the workspace, unless asked", async () => {
    const { owner, researcher, workspaceId } = await setup();
    const create = (token: string, body: Record<string, unknown>) =>
      call(claims.POST, { method: "POST", token, params: { id: workspaceId }, body });
    const first = await create(owner.token, { title: "China and Russia are allies" });
    expect(first.status).toBe(201);
    const again = await create(researcher.token, { title: "Russia and China are allies." });
    expectError(again, 409);
    expect(again.body.error).toMatchObject({ code: "duplicate", existingId: first.body.id });
    expect((await create(researcher.token, { title: "China and Russia avoid being allies" })).status).toBe(201);
    expect(
      (await create(researcher.token, { title: "Russia and China are allies.", allowDuplicate: true })).status,
    ).toBe(201);
  });
});

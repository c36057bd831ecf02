import { expect, test } from "@playwright/test";
import { ALLIANCE_TITLE, AXIS_TITLE, NO_ALLIANCE, readFixture, type FixtureName } from "../../tests/fixtures/texts";
import {
  addMember,
  annotateSelection as annotate,
  createWorkspace,
  selectWithMouse,
  signUp,
  uniqueEmail,
} from "../support";

const AXIS = AXIS_TITLE;

test("two researchers link the alliance essay against the axis essay, argue over the link live, and see it in the compare view and the map", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const alice = await (await browser.newContext()).newPage();
  const bruno = await (await browser.newContext()).newPage();
  const brunoEmail = uniqueEmail("bruno");
  await signUp(bruno, "Bruno Brandt", brunoEmail);
  await signUp(alice, "Alice Amara", uniqueEmail("alice"));
  const workspaceId = await createWorkspace(alice, "Axis or not");
  await addMember(alice, workspaceId, { page: bruno, email: brunoEmail }, "researcher");
  const importText = async (title: string, authors: string[], fixture: FixtureName) => {
    const response = await alice.request.post(`/api/v1/workspaces/${workspaceId}/documents`, {
      data: { title, authors, text: readFixture(fixture) },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const axisDocId = await importText(AXIS, ["Ada Novak"], "axis");
  const allianceDocId = await importText(ALLIANCE_TITLE, ["Ivo Marin"], "alliance");

  // Alice annotates the axis essay's framing and keeps the document open.
  await alice.goto(`/documents/${axisDocId}`);
  await expect(alice.getByText("No annotations yet")).toBeVisible();
  await annotate(alice, AXIS, "The **axis** framing: cooperation as a bloc.");
  const aliceCard = alice.getByTestId("annotation-card");

  // Bruno annotates the alliance essay and links it to Alice's passage as contradicting it.
  await bruno.goto(`/documents/${allianceDocId}`);
  await expect(bruno.getByText("No annotations yet")).toBeVisible();
  await expect(bruno.getByTestId("viewers")).toContainText("Live");
  await annotate(bruno, NO_ALLIANCE, "The answer: deliberate ambiguity, *not* an alliance.");
  const brunoCard = bruno.getByTestId("annotation-card");
  await brunoCard.getByRole("button", { name: /Go to the passage/ }).click();
  await brunoCard.getByRole("button", { name: /Link to another passage/ }).click();
  await bruno.getByLabel("…the passage").fill("axis framing bloc");
  await bruno
    .getByRole("list", { name: "Passages found" })
    .getByRole("button", { name: new RegExp(AXIS) })
    .click();
  await expect(bruno.getByText("Contradicts", { exact: true })).toBeVisible();
  await bruno.getByLabel("Rationale").fill("Avoiding an alliance on purpose is not an axis taking shape.");
  await bruno.getByRole("button", { name: "Create link" }).click();
  await expect(brunoCard.getByTestId("passage-link")).toContainText("This passage contradicts");

  // Alice sees the link arrive without reloading, and answers it.
  await expect(aliceCard.getByTestId("link-badge")).toHaveText("Contradicted by 1 passage in 1 document");
  await aliceCard.getByRole("button", { name: /Go to the passage/ }).click();
  const link = aliceCard.getByTestId("passage-link");
  await expect(link).toContainText("This passage is contradicted by");
  await link.getByRole("button", { name: /Discuss/ }).click();
  await link.locator("label", { hasText: "Opposes" }).click();
  await link
    .getByLabel("Reply to the thread")
    .fill("The essay never claims a treaty: @BrunoBrandt, an axis needs no alliance.");
  await link.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(link.getByTestId("reply")).toHaveAttribute("data-stance", "opposes");

  // Bruno, in his open discussion of the link, sees the reply appear and votes it up.
  await brunoCard
    .getByTestId("passage-link")
    .getByRole("button", { name: /Discuss/ })
    .click();
  const reply = brunoCard.getByTestId("reply");
  await expect(reply).toContainText("an axis needs no alliance");
  await reply.getByRole("button", { name: "Vote up" }).click();
  await expect(reply.getByTestId("vote-score")).toHaveText("1");
  // …and Alice sees the vote without reloading.
  await expect(link.getByTestId("reply").getByTestId("vote-score")).toHaveText("1");
  await alice.screenshot({ path: "test-results/screens/debate-reader.png" });

  // The compare view draws the connector; clicking it opens the link's thread.
  await alice.goto(`/workspaces/${workspaceId}/compare?left=${axisDocId}&right=${allianceDocId}`);
  await expect(alice.getByTestId("connector")).toHaveCount(1);
  await expect(alice.getByTestId("connector")).toHaveAttribute("data-relation", "contradicts");
  await alice.getByTestId("connector").dispatchEvent("click");
  await expect(alice.getByTestId("link-drawer").getByTestId("reply")).toContainText("an axis needs no alliance");
  await alice.screenshot({ path: "test-results/screens/compare.png" });

  // Linking the same passages again from the compare view offers the existing link instead;
  // the rationale joins its thread.
  const closeDrawer = () => alice.getByTestId("link-drawer").getByRole("button", { name: "Close" }).click();
  await closeDrawer();
  await alice.getByTestId("compare-left").locator("mark[data-a]").first().click();
  await expect(alice.getByTestId("linking-from")).toContainText("Linking from");
  await closeDrawer();
  await selectWithMouse(alice, NO_ALLIANCE, alice.getByTestId("compare-right").locator(".reader-text"));
  await alice.getByTestId("compare-link-toolbar").getByRole("button", { name: "contradicts" }).click();
  await alice.getByLabel("Why? Your rationale (Markdown)").fill("The same point, seen from the axis side.");
  await alice.getByRole("button", { name: "Create link" }).click();
  const duplicate = alice.getByTestId("duplicate-link");
  await expect(duplicate).toContainText("already linked");
  await alice.screenshot({ path: "test-results/screens/compare-duplicate.png" });
  await duplicate.getByRole("button", { name: "Add my rationale to it" }).click();
  await expect(alice.getByTestId("link-drawer").getByTestId("reply")).toContainText([
    "an axis needs no alliance",
    "The same point, seen from the axis side.",
  ]);
  await expect(alice.getByTestId("connector")).toHaveCount(1);

  // The debate map shows the two passages and the edge between them.
  await alice.goto(`/workspaces/${workspaceId}/map`);
  await expect(alice.getByTestId("debate-map")).toHaveAttribute("data-edges", "1");
  await expect(alice.getByTestId("debate-map")).toHaveAttribute("data-nodes", "2");
  await expect(alice.getByTestId("debate-map").locator("canvas").first()).toBeVisible();
  await alice.screenshot({ path: "test-results/screens/map.png" });
});

import { expect, test, type Locator } from "@playwright/test";
import { ALLIANCE_TITLE, AXIS_TITLE, NO_ALLIANCE, readFixture } from "../../tests/fixtures/texts";
import { annotateSelection as annotate, createWorkspace, selectWithMouse, signUp, uniqueEmail } from "../support";

// The fixture pair (our own essays), alliance against axis. Which axis passages the engine
// ranks first is its business (tests/integration/suggestions.test.ts and the corpus spec
// check that); here the first one suggested is linked and the next one dismissed.
const quoteOf = async (suggestion: Locator) =>
  (await suggestion.locator("blockquote").textContent())!.replace(/^“|”$/g, "").slice(0, 40);

test("an opened card lists related passages of other documents; one becomes an 'agrees' link seen at both ends, another is dismissed", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Sana Suggest", uniqueEmail("sana"));
  const workspaceId = await createWorkspace(page, "Suggested links");
  const importText = async (title: string, text: string) => {
    const response = await page.request.post(`/api/v1/workspaces/${workspaceId}/documents`, { data: { title, text } });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const axisDocId = await importText(AXIS_TITLE, readFixture("axis"));
  const allianceDocId = await importText(ALLIANCE_TITLE, readFixture("alliance"));

  await page.goto(`/documents/${allianceDocId}`);
  await expect(page.getByText("No annotations yet")).toBeVisible();
  // A fresh selection's related passages, asked for from the composer before anything is saved.
  await selectWithMouse(page, NO_ALLIANCE);
  await page
    .getByTestId("selection-toolbar")
    .getByRole("button", { name: /Annotate/ })
    .click();
  await page.getByTestId("selection-related-find").click();
  const forSelection = page.getByTestId("selection-related-passages").getByTestId("related-passage");
  await expect(forSelection.first()).toContainText(AXIS_TITLE);
  await page.screenshot({ path: "test-results/screens/suggestions-selection.png" });
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("annotation-composer")).toHaveCount(0);

  const card = await annotate(page, NO_ALLIANCE, "Why no alliance.");
  await card.getByRole("button", { name: /Go to the passage/ }).click();

  // Fetched when the card opens: a discreet count, then the list.
  const toggle = card.getByTestId("related-passages-toggle");
  await expect(toggle).toHaveText(/\d+ related passages?/);
  await toggle.click();
  const suggestion = card.getByTestId("related-passage").first();
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toContainText(AXIS_TITLE);
  const AXIS_ANSWER = await quoteOf(suggestion);
  // Hints come only where the engine is confident; any shown reads as a hint.
  for (const hint of await card.getByTestId("relation-hint").all())
    await expect(hint).toHaveText(/^hint: may (agree|contradict)$/);
  await page.screenshot({ path: "test-results/screens/suggestions-card.png" });

  // Dismiss another one, take it back, dismiss it for good.
  // Suggestions by their quote (every one names the axis essay, whose title may be a passage too).
  const byQuote = (quote: string) =>
    card.getByTestId("related-passage").filter({ has: page.locator("blockquote", { hasText: quote }) });
  const before = await card.getByTestId("related-passage").count();
  if (before > 1) {
    const other = card.getByTestId("related-passage").nth(1);
    const otherQuote = await quoteOf(other);
    await other.getByRole("button", { name: "Dismiss" }).click();
    await expect(card.getByTestId("related-passage")).toHaveCount(before - 1);
    await card.getByRole("button", { name: "Undo" }).click();
    await expect(card.getByTestId("related-passage")).toHaveCount(before);
    const dismissed = page.waitForRequest((request) => request.url().includes("/suggestions/dismiss"));
    await byQuote(otherQuote).getByRole("button", { name: "Dismiss" }).click();
    await dismissed;
    // Gone for this annotation, after a reload too.
    await page.reload();
    await card.getByRole("button", { name: /Go to the passage/ }).click();
    await card.getByTestId("related-passages-toggle").click();
    await expect(byQuote(AXIS_ANSWER)).toBeVisible();
    await expect(byQuote(otherQuote)).toHaveCount(0);
  }

  // One click: the link composer, its target filled in; the researcher confirms "agrees" and says why.
  await byQuote(AXIS_ANSWER).getByRole("button", { name: "Link…" }).click();
  await expect(card.getByTestId("link-target")).toContainText(AXIS_ANSWER);
  await card.locator("label", { hasText: /^Agrees$/ }).click();
  await card.getByLabel("Rationale").fill("Both say there is no alliance, in other words.");
  await card.getByRole("button", { name: "Create link" }).click();
  await expect(card.getByTestId("passage-link")).toContainText("This passage agrees");
  await expect(card.getByTestId("passage-link")).toContainText(AXIS_TITLE);
  // Linked, it is no longer suggested.
  await expect(byQuote(AXIS_ANSWER)).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/suggestions-linked.png" });

  // The other end: an annotation on the axis essay, agreed with by this passage.
  await page.goto(`/documents/${axisDocId}`);
  const otherCard = page.getByTestId("annotation-card").filter({ hasText: AXIS_ANSWER });
  await expect(otherCard.getByTestId("link-badge")).toHaveText("Agreed with by 1 passage in 1 document");
  await otherCard.getByRole("button", { name: /Go to the passage/ }).click();
  await expect(otherCard.getByTestId("passage-link")).toContainText("This passage is agreed with by");

  // The compare view: the link a solid connector; suggestions dotted ones, behind a control, by keyboard too.
  await page.goto(`/workspaces/${workspaceId}/compare?left=${allianceDocId}&right=${axisDocId}`);
  await expect(page.getByTestId("connector")).toHaveCount(1);
  await expect(page.getByTestId("suggestion-connector")).toHaveCount(0);
  await page.getByTestId("suggestions-toggle").check();
  const dotted = page.getByTestId("suggestion-connector");
  await expect(dotted.first()).toBeAttached();
  await expect(dotted.first()).toHaveAttribute("stroke-dasharray", "2 5");
  await dotted.first().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("suggestion-panel")).toContainText("Suggested, not linked");
  await page.screenshot({ path: "test-results/screens/suggestions-compare.png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/screens/suggestions-compare-dark.png" });
  await page.emulateMedia({ colorScheme: "light" });

  // The same link again is a near-duplicate: the composer says so and offers the existing one.
  await page.goto(`/documents/${allianceDocId}`);
  await card.getByRole("button", { name: /Go to the passage/ }).click();
  await card.getByRole("button", { name: /Link to another passage/ }).click();
  await card.getByLabel("…the passage").fill(AXIS_ANSWER.split(" ").slice(0, 4).join(" "));
  await card
    .getByRole("list", { name: "Passages found" })
    .getByRole("button", { name: new RegExp(AXIS_TITLE) })
    .first()
    .click();
  await card.locator("label", { hasText: /^Agrees$/ }).click();
  await card.getByLabel("Rationale").fill("Same point.");
  await card.getByRole("button", { name: "Create link" }).click();
  const notice = card.getByTestId("duplicate-link");
  await expect(notice).toContainText("already linked");
  await expect(notice.getByRole("link", { name: "Open the existing link" })).toBeVisible();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/screens/suggestions-duplicate-dark.png" });
  await notice.getByRole("button", { name: "Add my rationale to it" }).click();
  await expect(card.getByTestId("passage-link")).toHaveCount(1);
});

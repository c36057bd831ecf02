import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { AXIS_TITLE, fixturePath } from "../../tests/fixtures/texts";
import { createWorkspace, highlightedText, selectWithMouse, signUp, uniqueEmail } from "../support";

const ESSAY = fixturePath("axis");
const SENTENCE =
  "Both leaderships regard the West as the author of their troubles and see more to gain from standing together than apart.";

test("a researcher imports a text file, annotates a sentence, and the annotation survives a revision or becomes an orphan", async ({
  page,
}) => {
  const essay = readFileSync(ESSAY, "utf8");
  expect(essay).toContain(SENTENCE);
  await signUp(page, "Rhea Researcher", uniqueEmail("reader"));
  await createWorkspace(page, "Axis reading");

  // Import the file through the UI.
  await page.getByRole("link", { name: "Import document" }).first().click();
  await page.getByLabel("Document file").setInputFiles(ESSAY);
  await page.getByLabel("Title (optional)").fill(AXIS_TITLE);
  await page.getByLabel("Authors").fill("Ada Novak");
  await page.getByRole("button", { name: "Import document" }).click();
  await expect(page.getByRole("heading", { name: AXIS_TITLE })).toBeVisible();
  await expect(page.getByText("No annotations yet")).toBeVisible();
  const documentUrl = page.url();

  // Select the sentence with the mouse and annotate it in Markdown with a tag.
  await selectWithMouse(page, SENTENCE);
  await page
    .getByTestId("selection-toolbar")
    .getByRole("button", { name: /Annotate/ })
    .click();
  await page.getByLabel("Comment (Markdown)").fill("The **axis** framing rests on this *intent*.");
  await page.getByRole("tab", { name: "preview" }).click();
  await expect(page.getByTestId("annotation-composer").locator("strong")).toHaveText("axis");
  await page.getByLabel("Add a tag").fill("axis");
  await page.getByLabel("Add a tag").press("Enter");
  await page.getByRole("button", { name: "Save" }).click();
  const card = page.getByTestId("annotation-card");
  await expect(card).toHaveCount(1);
  await expect(card.locator("strong")).toHaveText("axis");
  await expect(card.getByRole("button", { name: "#axis" })).toBeVisible();
  const annotationId = (await card.getAttribute("data-annotation-id"))!;

  // After a reload the highlight covers exactly the same words.
  await page.reload();
  expect(await highlightedText(page, annotationId)).toBe(SENTENCE);
  await page.screenshot({ path: "test-results/screens/reader.png" });

  // A deep link scrolls to the passage and selects its card.
  await page.goto(`${documentUrl}#annotation-${annotationId}`);
  await expect(page.getByTestId("annotation-card")).toHaveAttribute("aria-current", "true");

  // Revision 2: text inserted before the sentence and a word changed elsewhere.
  await page.getByRole("link", { name: "Upload new version" }).click();
  await page.getByLabel("Edit the text").check();
  const revised = `An editor’s note written for this test revision.\n\n${essay.replace("some two dozen", "about two dozen")}`;
  await page.getByLabel("Document text").fill(revised);
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByTestId("revision-result")).toContainText("1 annotation anchored exactly");
  await page.getByRole("link", { name: "Back to the document" }).click();
  await expect(page.getByText("Version 2")).toBeVisible();
  expect(await highlightedText(page, annotationId)).toBe(SENTENCE);

  // Revision 3: the sentence is deleted; the annotation is kept as an orphan with its quote.
  await page.getByRole("link", { name: "Upload new version" }).click();
  await page.getByLabel("Edit the text").check();
  await page.getByLabel("Document text").fill(revised.replace(SENTENCE, ""));
  await page.getByRole("button", { name: "Save as version 3" }).click();
  await expect(page.getByTestId("revision-result")).toContainText("1 orphaned");
  await page.getByRole("link", { name: "Back to the document" }).click();
  const orphans = page.getByTestId("orphans");
  await expect(orphans).toContainText("Orphaned annotations (1)");
  await expect(orphans).toContainText(SENTENCE);
  expect(await highlightedText(page, annotationId)).toBe("");
});

test("keyboard: select sentences with ] and highlight with H; search finds the annotation", async ({ page }) => {
  await signUp(page, "Kira Keyboard", uniqueEmail("keys"));
  await createWorkspace(page, "Keyboard reading");
  await page.getByRole("link", { name: "Import document" }).first().click();
  await page.getByLabel("Paste text").check();
  await page
    .getByLabel("Document text")
    .fill("Partners, not allies. Both capitals insist on that line.\n\nYet the exercises keep growing.");
  await page.getByLabel("Title (optional)").fill("Keyboard note");
  await page.getByRole("button", { name: "Import document" }).click();
  await expect(page.getByRole("heading", { name: "Keyboard note" })).toBeVisible();
  // The text paints first; the interactive layer (and its shortcuts) follows.
  await expect(page.getByText("No annotations yet")).toBeVisible();

  await page.keyboard.press("]");
  await page.keyboard.press("]");
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();
  await page.keyboard.press("Shift+]");
  await page.keyboard.press("h");
  const card = page.getByTestId("annotation-card");
  await expect(card).toHaveCount(1);
  await expect(card.locator("blockquote")).toHaveText(
    "Both capitals insist on that line. Yet the exercises keep growing.",
  );

  await card.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Comment (Markdown)").fill("Insistence as a signal.");
  await page.keyboard.press("Control+Enter");
  await expect(card).toContainText("Insistence as a signal.");

  await page.getByRole("link", { name: "Keyboard reading" }).click();
  await page.getByRole("link", { name: "Search" }).click();
  await page.getByLabel("Search words").fill("insistence");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("annotation-results")).toContainText("Insistence");
  // The comment's word is marked; stemming marks "insist" in the quote as well.
  await expect(page.getByTestId("annotation-results").locator("mark", { hasText: "Insistence" })).toBeVisible();
  await expect(page.getByTestId("annotation-results").locator("blockquote mark").first()).toHaveText(/^insist/i);
});

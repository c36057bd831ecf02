import path from "node:path";
import { expect, test } from "@playwright/test";
import { createWorkspace, highlightedText, poster, selectWithMouse, signUp, uniqueEmail } from "../support";

// A PDF made by Chromium from a text written for the tests (tests/fixtures/pdf): two columns,
// headings, a running header, a footnote, soft hyphens and CJK.
const PDF = path.resolve(import.meta.dirname, "../../tests/fixtures/pdf/chromium-river-report.pdf");
// Runs from the first column into the second on page 1 of the PDF.
const SENTENCE =
  "Visitors from the coast call the arrangement the Sino-Russian model, after an old treaty on a distant border river, although nobody in the valley has read it.";

test("a PDF reads as its structure: headings, page boundaries, an outline; a selection across its columns annotates the same words", async ({
  page,
}) => {
  await signUp(page, "Petra Pages", uniqueEmail("pages"));
  await createWorkspace(page, "River reading");
  await page.getByRole("link", { name: "Import document" }).first().click();
  await page.getByLabel("Document file").setInputFiles(PDF);
  await page.getByRole("button", { name: "Import document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rivers Without Borders" })).toBeVisible();
  await expect(
    page.getByText("Mara Ellison · 14 March 2024").or(page.getByText(/Mara Ellison · .*2024/)),
  ).toBeVisible();

  const reader = page.getByTestId("reader");
  await expect(reader.locator("p.title-line")).toHaveText("Rivers Without Borders");
  await expect(reader.getByRole("heading", { level: 2, name: "A Shared Basin" })).toBeVisible();
  await expect(reader.getByRole("heading", { level: 2, name: "What the Numbers Show" })).toBeVisible();
  await expect(reader.locator("[data-page='2']")).toHaveText("Counting Together");
  await expect(reader.locator("p.footnote")).toContainText("The upper gauge sits two metres below the bridge");
  await expect(reader).not.toContainText("Valley Water Council");

  // The outline opens from the keyboard and jumps to a heading.
  const outline = page.getByRole("navigation", { name: "Outline" });
  await outline.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(outline.getByRole("link", { name: /What the Numbers Show/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/pdf-outline.png" });
  await outline.getByRole("link", { name: /What the Numbers Show/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#s-\d+$/);
  await expect(reader.getByRole("heading", { name: "What the Numbers Show" })).toBeInViewport();

  // Select a sentence with the mouse and annotate it: the highlight covers exactly those words.
  await selectWithMouse(page, SENTENCE);
  await page
    .getByTestId("selection-toolbar")
    .getByRole("button", { name: /Annotate/ })
    .click();
  await page.getByLabel("Comment (Markdown)").fill("The name travels further than the treaty.");
  await page.getByRole("button", { name: "Save" }).click();
  const card = page.getByTestId("annotation-card");
  await expect(card).toHaveCount(1);
  const annotationId = (await card.getAttribute("data-annotation-id"))!;
  await page.reload();
  expect(await highlightedText(page, annotationId)).toBe(SENTENCE);
  await reader.getByRole("heading", { name: "A Shared Basin" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/pdf-reader-light.png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await reader.locator("[data-page='2']").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/pdf-reader-dark.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "light" });
  await reader.getByRole("heading", { name: "A Shared Basin" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/pdf-reader-phone.png" });
});

test("Markdown structure reads as headings, a list and a quote; a highlight inside the list keeps its words", async ({
  page,
}) => {
  await signUp(page, "Lena Lists", uniqueEmail("lists"));
  const workspaceId = await createWorkspace(page, "Structured notes");
  const markdown = [
    "# Counting Herons",
    "A field guide written for the test, with a list and a quote.",
    "## What to bring",
    "- a notebook that survives the rain",
    "- a pencil, never a pen",
    "> A heron is counted once, even if it flies back.",
    "## Afterwards",
    "Compare the pages on Friday.",
  ].join("\n\n");
  const documentId = await poster(page)(`/api/v1/workspaces/${workspaceId}/documents`, { markdown });
  await page.goto(`/documents/${documentId}`);
  const reader = page.getByTestId("reader");
  await expect(reader.locator("p.title-line")).toHaveText("Counting Herons");
  await expect(reader.getByRole("heading", { level: 2 })).toHaveText(["What to bring", "Afterwards"]);
  await expect(reader.getByRole("listitem")).toHaveText(["a notebook that survives the rain", "a pencil, never a pen"]);
  await expect(reader.locator("blockquote")).toHaveText("A heron is counted once, even if it flies back.");

  await selectWithMouse(page, "survives the rain");
  await page
    .getByTestId("selection-toolbar")
    .getByRole("button", { name: /Highlight in yellow/ })
    .click();
  await expect(reader.locator("mark")).toHaveText("survives the rain");
  await page.reload();
  await expect(reader.locator("mark")).toHaveText("survives the rain");
  await page.screenshot({ path: "test-results/screens/markdown-structure.png" });
});

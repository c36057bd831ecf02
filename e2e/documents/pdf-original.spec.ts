import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createWorkspace, highlightedText, readPdf, signUp, uniqueEmail } from "../support";

// A two-page PDF made by Chromium from a text written for the tests (tests/fixtures/pdf).
const PDF = path.resolve(import.meta.dirname, "../../tests/fixtures/pdf/chromium-river-report.pdf");
// A sentence over several lines of page 2.
const SENTENCE =
  "Some rules are well known: a counter never measures alone after a storm, a heron is counted only once even if it flies back, and a disagreement of more than a hand’s width is settled by walking to the gauge together.";

type Box = { left: number; top: number; right: number; bottom: number };

// The client rectangles of `wanted` in a page's text layer, found by its letters (the layer
// has no spaces between lines, and may keep a line-end hyphen the text does not have).
async function wordBoxes(layer: Locator, wanted: string): Promise<Box[]> {
  return layer.evaluate((root, sentence) => {
    const letters: Array<{ node: Text; offset: number; character: string }> = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      for (let offset = 0; offset < node.data.length; offset += 1) {
        if (!/\s/.test(node.data[offset]!)) letters.push({ node, offset, character: node.data[offset]! });
      }
    }
    const target = sentence.replace(/\s/g, "");
    let found: typeof letters | null = null;
    for (let start = 0; start < letters.length && !found; start += 1) {
      const run: typeof letters = [];
      let at = start;
      for (const character of target) {
        while (at < letters.length && letters[at]!.character !== character && /[-\u00ad]/.test(letters[at]!.character))
          at += 1;
        if (letters[at]?.character !== character) break;
        run.push(letters[at]!);
        at += 1;
      }
      if (run.length === target.length) found = run;
    }
    if (!found) throw new Error(`"${sentence}" is not in the text layer`);
    // In the middle of the window, clear of the sticky header and the view's toolbar.
    found[0]!.node.parentElement!.scrollIntoView({ block: "center" });
    // One range per text node: the words' own boxes (a range over elements would add theirs).
    const boxes: Array<{ left: number; top: number; right: number; bottom: number }> = [];
    for (const node of new Set(found.map((letter) => letter.node))) {
      const mine = found.filter((letter) => letter.node === node);
      const range = document.createRange();
      range.setStart(node, mine[0]!.offset);
      range.setEnd(node, mine.at(-1)!.offset + 1);
      for (const { left, top, right, bottom, width, height } of Array.from(range.getClientRects()))
        if (width > 1 && height > 1) boxes.push({ left, top, right, bottom });
    }
    return boxes;
  }, wanted);
}

async function selectBoxes(page: Page, boxes: Box[]) {
  const first = boxes[0]!;
  const last = boxes.at(-1)!;
  await page.mouse.move(first.left + 1, (first.top + first.bottom) / 2);
  await page.mouse.down();
  await page.mouse.move((first.left + last.right) / 2, (first.top + last.bottom) / 2, { steps: 5 });
  await page.mouse.move(last.right - 1, (last.top + last.bottom) / 2, { steps: 5 });
  await page.mouse.up();
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
const area = (box: Box) => (box.right - box.left) * (box.bottom - box.top);

test("a PDF opens in its original layout; a sentence selected on page 2 is annotated on those words in both views", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const policyViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
  });
  await signUp(page, "Olga Original", uniqueEmail("original"));
  await createWorkspace(page, "Original pages");
  await page.getByRole("link", { name: "Import document" }).first().click();
  await page.getByLabel("Document file").setInputFiles(PDF);
  await page.getByRole("button", { name: "Import document" }).click();
  // The import reads the PDF in a worker process: slow on a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: "Rivers Without Borders" })).toBeVisible({
    timeout: 30_000,
  });

  // The toggle is two links, reachable from the keyboard; the choice is in the URL.
  const toggle = page.getByRole("navigation", { name: "View" });
  await expect(toggle.getByRole("link", { name: "Text" })).toHaveAttribute("aria-current", "page");
  await toggle.getByRole("link", { name: "Original" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?view=original$/);
  const view = page.getByTestId("original-view");
  // pdf.js and its worker load on demand (seconds on a busy machine).
  await expect(view.getByText("of 2")).toBeVisible({ timeout: 30_000 });
  const secondPage = view.locator("[data-page-number='2']");
  await secondPage.scrollIntoViewIfNeeded();
  await expect(secondPage).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
  await expect(page.getByLabel("Page", { exact: true })).toHaveValue("2");

  // Select the sentence with the mouse on page 2 and annotate it with the usual composer.
  const layer = secondPage.locator(".textLayer");
  const words = await wordBoxes(layer, SENTENCE);
  expect(words.length).toBeGreaterThan(1);
  await selectBoxes(page, words);
  await page
    .getByTestId("selection-toolbar")
    .getByRole("button", { name: /Annotate/ })
    .click();
  await expect(page.getByRole("form", { name: "New annotation" })).toContainText(SENTENCE);
  await page.getByLabel("Comment (Markdown)").fill("Rules kept by walking, not writing.");
  await page.getByRole("button", { name: "Save" }).click();
  const card = page.getByTestId("annotation-card");
  await expect(card).toHaveCount(1);
  const annotationId = (await card.getAttribute("data-annotation-id"))!;

  // The same selectors as a selection in the text view: the quote and its position in the canonical text.
  const saved = await page.request.get(`/api/v1/annotations/${annotationId}`);
  const selectors = (await saved.json()).selectors as Array<Record<string, unknown>>;
  expect(selectors.find((selector) => selector.type === "TextQuoteSelector")?.exact).toBe(SENTENCE);
  const position = selectors.find((selector) => selector.type === "TextPositionSelector")!;
  const text = (
    await (await page.request.get(`/api/v1/documents/${(page.url().match(/documents\/([^/?]+)/) ?? [])[1]}`)).json()
  ).text as string;
  expect(
    Array.from(text)
      .slice(position.start as number, position.end as number)
      .join(""),
  ).toBe(SENTENCE);

  // The highlight lies on those words of page 2: every word box is covered, nothing far beyond.
  const marks = secondPage.locator(`mark[data-annotation-id="${annotationId}"]`);
  await expect(marks.first()).toBeVisible();
  const markBoxes = await marks.evaluateAll((elements) =>
    elements.map((element) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { left, top, right, bottom };
    }),
  );
  const wordsNow = await wordBoxes(layer, SENTENCE);
  for (const word of wordsNow) {
    const covered = markBoxes.reduce((sum, mark) => sum + overlap(word, mark), 0);
    expect(covered / area(word)).toBeGreaterThan(0.9);
  }
  const wordArea = wordsNow.reduce((sum, word) => sum + area(word), 0);
  const markArea = markBoxes.reduce((sum, mark) => sum + area(mark), 0);
  expect(markArea / wordArea).toBeGreaterThan(0.9);
  expect(markArea / wordArea).toBeLessThan(1.25);
  await expect(view.locator("[data-page-number='1'] mark")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/pdf-original-light.png" });

  // Zoom from the keyboard; the highlight follows the page.
  await page.keyboard.press("+");
  await expect(page.getByTestId("original-zoom")).toHaveText("110%");
  await expect(secondPage).toHaveAttribute("data-state", "ready");
  await page.keyboard.press("0");
  await expect(page.getByTestId("original-zoom")).toHaveText("100%");

  // Clicking the card brings the highlight into view on its page.
  await view.locator("[data-page-number='1']").scrollIntoViewIfNeeded();
  await card.getByRole("button", { name: /Go to the passage/ }).click();
  await expect(marks.first()).toBeInViewport();

  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/screens/pdf-original-dark.png" });
  await page.emulateMedia({ colorScheme: "light" });

  // The text view shows the same annotation on the same words.
  await toggle.getByRole("link", { name: "Text" }).click();
  await expect(page).not.toHaveURL(/view=original/);
  await expect(page.getByTestId("annotation-card")).toHaveCount(1);
  expect(await highlightedText(page, annotationId)).toBe(SENTENCE);
  // pdf.js and its worker ran under the app's policy without breaking it.
  expect(policyViolations).toEqual([]);

  // The passage knows its page, and the document's PDF report cites it by that page.
  await expect(page.getByTestId("annotation-card").getByTestId("annotation-place")).toHaveText("p. 2");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  await page.getByRole("menuitem", { name: "PDF report (for print)" }).click();
  const printed = (await readPdf(readFileSync(await (await download).path()))).pages.join(" ");
  expect(printed).toContain("(Ellison 2024, p. 2)");
});

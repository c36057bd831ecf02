import { AXIS_TITLE, readFixture } from "../../tests/fixtures/texts";
import { expect, test, type Page } from "@playwright/test";
import { describeQuote } from "../../lib/anchoring/selectors";
import { createWorkspace, poster, signUp, uniqueEmail } from "../support";

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

// A workspace with Lin's essay, an annotation on a passage in its middle and a reply to it.
async function seed(page: Page) {
  await signUp(page, "Pia Phone", uniqueEmail("pia"));
  const workspaceId = await createWorkspace(page, "Pocket reading");
  const post = poster(page);
  const text = readFixture("axis");
  const documentId = await post(`/api/v1/workspaces/${workspaceId}/documents`, {
    title: AXIS_TITLE,
    authors: ["Ada Novak"],
    text,
  });
  // A sentence from the middle of the text, chosen by position .
  const middle = text.indexOf(". ", Math.floor(text.length / 2)) + 2;
  const quote = text.slice(middle, text.indexOf(" ", middle + 40));
  const annotationId = await post(`/api/v1/documents/${documentId}/annotations`, {
    selectors: describeQuote(text, quote),
    body: "Read this on the train.",
  });
  await post(`/api/v1/annotations/${annotationId}/replies`, { body: "Agreed, a key step.", stance: "supports" });
  return { workspaceId, documentId, annotationId, text };
}

// Taps the middle of the first line of the first highlight (a highlight over two lines has a wide box).
async function tapHighlight(page: Page) {
  const mark = page.locator("[data-reader-text] mark[data-a]").first();
  await mark.scrollIntoViewIfNeeded();
  const rect = await mark.evaluate((element) => {
    const first = element.getClientRects()[0]!;
    return { x: first.left + first.width / 2, y: first.top + first.height / 2 };
  });
  await page.touchscreen.tap(rect.x, rect.y);
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("on a phone, tapping a highlight opens its card and thread in a sheet; touch selection offers Highlight and Annotate", async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const { workspaceId, documentId, annotationId } = await seed(page);

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/documents/${documentId}`);
    await expect(page.getByTestId("annotations-loading")).toHaveCount(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

    // Tap the highlight: the sheet opens over the text, as a modal dialog, with the thread in view.
    const sheet = page.getByRole("dialog", { name: "Annotation by Pia Phone" });
    // The text is in the page's HTML, so a first tap can land before the reader has hydrated
    // (a busy machine): tap again until it answers, as a reader would.
    await expect(async () => {
      await tapHighlight(page);
      await expect(sheet).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(sheet).toHaveAttribute("aria-modal", "true");
    await expect(sheet.getByTestId("annotation-card")).toHaveAttribute("data-annotation-id", annotationId);
    const reply = sheet.getByTestId("reply");
    await expect(reply).toContainText("Agreed, a key step.");
    await expect(reply).toBeInViewport();
    const box = (await sheet.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
    // Focus moved into the sheet.
    expect(await sheet.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`phone-reader-thread-${scheme}.png`) });

    // Esc closes it; so does its close button.
    await page.keyboard.press("Escape");
    await expect(sheet).toHaveCount(0);
    await tapHighlight(page);
    await expect(sheet).toBeVisible();
    await sheet.getByRole("button", { name: "Close" }).tap();
    await expect(sheet).toHaveCount(0);
  }

  // Select a passage the way a long press does, then lift the finger: the toolbar offers both actions.
  await page.emulateMedia({ colorScheme: "light" });
  await page.getByTestId("reader").evaluate((root) => {
    const paragraph = root.querySelectorAll("p[data-o]")[1]!;
    const text = Array.from(paragraph.childNodes).find((node) => node.nodeType === Node.TEXT_NODE)!;
    paragraph.scrollIntoView({ block: "center" });
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(30, text.textContent!.length));
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  const paragraphBox = (await page.locator("[data-reader-text] p[data-o]").nth(1).boundingBox())!;
  await page.touchscreen.tap(paragraphBox.x + 5, paragraphBox.y + 5).catch(() => undefined);
  await page.getByTestId("reader").evaluate((root) => {
    const paragraph = root.querySelectorAll("p[data-o]")[1]!;
    const text = Array.from(paragraph.childNodes).find((node) => node.nodeType === Node.TEXT_NODE)!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(30, text.textContent!.length));
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    paragraph.dispatchEvent(new TouchEvent("touchend", { bubbles: true }));
  });
  const toolbar = page.getByTestId("selection-toolbar");
  await expect(toolbar.getByRole("button", { name: /Annotate/ })).toBeInViewport();
  await expect(toolbar.getByRole("button", { name: /Highlight in yellow/ })).toBeInViewport();
  // Annotate opens the composer in the sheet, not below the text.
  await toolbar.getByRole("button", { name: /Annotate/ }).tap();
  const composer = page.getByRole("dialog", { name: "New annotation" });
  await expect(composer.getByLabel("Comment (Markdown)")).toBeInViewport();
  await composer.getByRole("button", { name: "Close" }).tap();

  // No horizontal scrolling on the other main pages either.
  for (const url of [
    "/workspaces",
    `/workspaces/${workspaceId}`,
    `/workspaces/${workspaceId}/claims`,
    `/workspaces/${workspaceId}/collections`,
    `/workspaces/${workspaceId}/search?q=axis`,
    `/workspaces/${workspaceId}/members`,
    `/workspaces/${workspaceId}/import`,
  ]) {
    await page.goto(url);
    expect(await scrollWidth(page), url).toBeLessThanOrEqual(390);
  }
  await context.close();
});

test("the reader: workspace tabs in the header, cards open by their text above the sticky header, ] from the reading position, a favicon", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { documentId, text } = await seed(page);
  await page.goto(`/documents/${documentId}`);

  // The workspace's name and tabs stay above the document, Documents current.
  await expect(page.getByRole("link", { name: "Pocket reading" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Documents" }),
  ).toHaveAttribute("aria-current", "page");

  // Clicking the comment of a closed card opens it, and the panel's sticky header does not cover it.
  const card = page.getByTestId("annotation-card");
  await card.getByText("Read this on the train.").click();
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(card.getByTestId("reply")).toBeVisible();
  await expect
    .poll(async () => {
      const cardTop = (await card.boundingBox())!.y;
      const header = (await page.getByRole("heading", { name: /^Annotations/ }).boundingBox())!;
      return cardTop >= header.y + header.height;
    })
    .toBe(true);

  // The favicon is served (under the CSP) and linked.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  const response = await page.request.get(icon!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");

  // ] with nothing selected selects the first sentence in view, not the document's first.
  await page.keyboard.press("Escape");
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  const paragraphs = page.locator("[data-reader-text] p[data-o]");
  await paragraphs.nth((await paragraphs.count()) - 3).evaluate((paragraph) => {
    paragraph.scrollIntoView({ block: "start" });
    window.scrollBy(0, -120);
  });
  // Blocks laid out only near the view (content-visibility) resolve their sizes a frame or two
  // after the jump, and scroll anchoring moves the page by a few pixels (5 failed CI once):
  // read the position once it holds still over two frames.
  const before = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let last = Number.NaN;
    while (last !== window.scrollY) {
      last = window.scrollY;
      await frame();
      await frame();
    }
    return last;
  });
  await page.keyboard.press("]");
  const selected = await page.evaluate(() => {
    const range = window.getSelection()!.getRangeAt(0);
    const rect = range.getBoundingClientRect();
    return { text: range.toString(), top: rect.top, bottom: rect.bottom };
  });
  expect(selected.text.length).toBeGreaterThan(0);
  expect(text.startsWith(selected.text)).toBe(false);
  expect(selected.top).toBeGreaterThanOrEqual(56);
  expect(selected.bottom).toBeLessThanOrEqual(page.viewportSize()!.height);
  // The page did not scroll (a sub-pixel settle of the scroll position aside).
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThanOrEqual(1);
});

import { AXIS_TITLE, readFixture } from "../../tests/fixtures/texts";
import { expect, test } from "@playwright/test";
import { describeRange } from "../../lib/anchoring/selectors";
import { createWorkspace, poster, signUp, uniqueEmail } from "../support";

const ANNOTATIONS = 75;

// A document with more annotations than the card list renders at once (virtual-card-list.tsx).
test("many annotations: the text is sent once, cards load in pages, only the cards near the view are rendered, and a highlight still opens its card", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUp(page, "Mona Many", uniqueEmail("mona"));
  const workspaceId = await createWorkspace(page, "Crowded margins");
  const post = poster(page);
  const text = readFixture("axis");
  const documentId = await post(`/api/v1/workspaces/${workspaceId}/documents`, { title: AXIS_TITLE, text });
  // The page's HTML carries a passage of the text once, not again in the hydration data: as a
  // browser asks for it, and as a client that does not say what it wants it for (curl, a script).
  const passage = text.match(/[A-Za-z][A-Za-z ,]{40,}/)![0].trim();
  const asDocument = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "sec-fetch-dest": "document" } };
  for (const { headers } of [asDocument, { headers: { accept: "*/*" } }]) {
    const plain = await (await page.request.get(`/documents/${documentId}`, { headers })).text();
    expect(plain.split(passage).length - 1, JSON.stringify(headers)).toBe(1);
  }

  const words = Array.from(text.matchAll(/\S+/g), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const step = Math.floor(words.length / ANNOTATIONS);
  const ids: string[] = [];
  for (let index = 0; index < ANNOTATIONS; index += 1) {
    const word = words[index * step]!;
    ids.push(
      await post(`/api/v1/documents/${documentId}/annotations`, {
        selectors: describeRange(text, word.start, word.end),
        body: `Note ${index + 1}`,
      }),
    );
  }

  const requested: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes(`/documents/${documentId}/annotations`)) requested.push(request.url());
  });
  await page.goto(`/documents/${documentId}`);
  const panel = page.getByRole("complementary", { name: "Annotations" });
  await expect(panel.getByRole("heading", { name: `Annotations (${ANNOTATIONS})` })).toBeVisible();
  // The highlights survive hydration (the text is not re-rendered empty), each sent once.
  await expect(page.locator("[data-reader-text] mark[data-a]").first()).toBeVisible();
  const marked = await (await page.request.get(`/documents/${documentId}`, asDocument)).text();
  expect(marked.split("data-a=").length - 1).toBe(await page.locator("[data-reader-text] mark[data-a]").count());
  // The words come first; the list of ids the highlights refer to follows the whole text.
  expect(marked.indexOf("data-annotation-ids")).toBeGreaterThan(marked.lastIndexOf("<mark data-a="));
  // In pages: the first one small.
  expect(requested.some((url) => url.includes("limit=100"))).toBe(true);
  const rendered = await panel.getByTestId("annotation-card").count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(ANNOTATIONS);

  // The last highlight in the text opens its card, rendered on demand and scrolled into the panel.
  const lastId = ids.at(-1)!;
  const position = await page
    .locator("[data-reader-text] [data-annotation-ids]")
    .evaluate((list, id) => list.getAttribute("data-annotation-ids")!.split(" ").indexOf(id), lastId);
  const mark = page.locator(`[data-reader-text] mark[data-a~="${position}"]`).first();
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  const card = panel.locator(`#card-${lastId}`);
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(card).toBeInViewport();
  await expect(card).toContainText(`Note ${ANNOTATIONS}`);
  await page.screenshot({ path: testInfo.outputPath("reader-many-light.png") });

  // On a phone, dark: the list sits under the text and scrolls with the page; its cards render as it comes into view.
  await page.keyboard.press("Escape");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(panel.getByTestId("annotation-card").last()).toBeInViewport();
  const onPhone = await panel.getByTestId("annotation-card").count();
  expect(onPhone).toBeLessThan(ANNOTATIONS);
  await expect(panel.locator(`#card-${lastId}`)).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath("reader-many-phone-dark.png") });

  // Reached by a client-side navigation, the page brings its marked text in the same payload:
  // every highlight is there with the page, and nothing is fetched for them afterwards.
  const markCount = marked.split("data-a=").length - 1;
  const textRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/reader-text")) textRequests.push(request.url());
  });
  await page.goto(`/workspaces/${workspaceId}`);
  await page.getByRole("link", { name: AXIS_TITLE }).first().click();
  await expect(page).toHaveURL(new RegExp(`/documents/${documentId}$`));
  await expect(page.locator("[data-reader-text] mark[data-a]")).toHaveCount(markCount);
  await expect(panel.getByRole("heading", { name: `Annotations (${ANNOTATIONS})` })).toBeVisible();
  expect(textRequests).toEqual([]);
});

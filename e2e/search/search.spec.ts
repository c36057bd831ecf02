import { expect, test } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail } from "../support";

const OPENING = Array.from(
  { length: 30 },
  (_, index) => `Paragraph ${index + 1} sets the scene without the word.`,
).join("\n\n");
const TEXT = `${OPENING}\n\nOfficials praised a “no limits” partnership built on “trust”—and on Russia’s need for markets. The communiqué used 全面战略协作伙伴关系.`;

test("search finds a word beside a curly quote as you type, and the result opens the reader at the words", async ({
  page,
}) => {
  await signUp(page, "Sara Searcher", uniqueEmail("search"));
  const workspaceId = await createWorkspace(page, "Search test");
  const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/documents`, {
    data: { title: "No limits", text: TEXT },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/workspaces/${workspaceId}/search`);
  await page.getByRole("searchbox", { name: "Search words" }).pressSequentially("trus", { delay: 30 });
  const hit = page.getByTestId("document-results").getByRole("listitem").first();
  await expect(hit.locator("mark")).toHaveText("trust");
  await expect(hit).toContainText("“trust”");
  await page.screenshot({ path: "test-results/search-curly-quote.png", fullPage: true });

  await hit.getByRole("link", { name: "No limits" }).click();
  await expect(page).toHaveURL(/\/documents\/[^?]+\?match=\d+-\d+/);
  const marked = await page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights: Map<string, { values(): Iterable<Range> }> }).highlights.get(
      "search-match",
    );
    return highlight ? Array.from(highlight.values(), (range) => range.toString()) : [];
  });
  expect(marked).toEqual(["trust"]);
  await expect(page.locator("[data-search-match]")).toBeInViewport();
  // The header names the document's workspace, as on the workspace's own pages.
  await expect(page.getByRole("banner").getByRole("button", { name: "Search test" })).toBeVisible();
  await page.screenshot({ path: "test-results/search-opens-reader.png" });

  // Chinese, found by two of its characters.
  await page.goto(`/workspaces/${workspaceId}/search?q=${encodeURIComponent("战略")}`);
  await expect(page.getByTestId("document-results").locator("mark")).toHaveText("战略");
});

import { expect, test } from "@playwright/test";
import { createWorkspace, poster, signUp, uniqueEmail } from "../support";

// A workspace home with more documents than a page: sorted, filtered, paged, shareable URLs.
test("the document list pages, sorts and filters, and its address keeps the view", async ({ page }, testInfo) => {
  test.slow();
  await signUp(page, "Lena Archivist", uniqueEmail("lena"));
  const workspaceId = await createWorkspace(page, "Big archive");
  const post = poster(page);
  for (let index = 1; index <= 53; index += 1) {
    const number = String(index).padStart(2, "0");
    await post(`/api/v1/workspaces/${workspaceId}/documents`, {
      title: `Report ${number}`,
      authors: [index % 3 === 0 ? "Mira Sol" : "Ivo Tan"],
      publishedAt: `${2000 + (index % 20)}-01-15`,
      ...(index % 2
        ? { text: `Plain report number ${number} on trade.` }
        : { markdown: `Report **${number}** on energy.` }),
    });
  }
  await page.goto(`/workspaces/${workspaceId}`);
  await expect(page.getByRole("heading", { name: "53 documents" })).toBeVisible();
  const pages = page.getByRole("navigation", { name: "Document pages" });
  await expect(pages).toContainText("1–50 of 53");
  // Newest first: the last one imported leads.
  await expect(page.getByRole("link", { name: /^Report \d+$/ }).first()).toHaveText("Report 53");
  await pages.getByRole("link", { name: "Next ›" }).click();
  await expect(pages).toContainText("51–53 of 53");
  await expect(page.getByRole("link", { name: "Report 01" })).toBeVisible();

  // Sort by title and narrow to one author and Markdown: the URL holds the view.
  const filters = page.getByRole("search", { name: "Sort and filter documents" });
  await filters.getByLabel("Sort by").selectOption("title");
  await filters.getByLabel("Author").fill("Mira Sol");
  await filters.getByRole("combobox", { name: "Format" }).selectOption("markdown");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(page).toHaveURL(/author=Mira\+Sol/);
  // Multiples of 3 that are even: 6, 12, …, 48.
  await expect(page.getByRole("heading", { name: "8 documents match" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Report \d+$/ }).first()).toHaveText("Report 06");
  await expect(pages).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("document-list-filtered.png"), fullPage: true });

  await filters.getByLabel("Published from (year)").fill("2030");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No documents match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page.getByRole("heading", { name: "53 documents" })).toBeVisible();
});

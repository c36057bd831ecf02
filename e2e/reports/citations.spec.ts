import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createWorkspace, readPdf, selectWithMouse, signUp, uniqueEmail } from "../support";

// A PDF made by Chromium from a text written for the tests (tests/fixtures/pdf).
const PDF = path.resolve(import.meta.dirname, "../../tests/fixtures/pdf/chromium-river-report.pdf");

test("an annotation on page 2 of a PDF shows its page, and the PDF report cites it with a Chicago bibliography", async ({
  page,
}, testInfo) => {
  await signUp(page, "Cita Pages", uniqueEmail("cite"));
  await createWorkspace(page, "Cited reading");
  await page.getByRole("link", { name: "Import document" }).first().click();
  await page.getByLabel("Document file").setInputFiles(PDF);
  await page.getByRole("button", { name: "Import document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rivers Without Borders" })).toBeVisible();

  // The first words of the first paragraph after the heading that opens page 2.
  const reader = page.getByTestId("reader");
  const words = await reader.locator("[data-page='2']").evaluate((heading) => {
    let next = heading.nextElementSibling;
    while (next && !(next.tagName === "P" && (next.textContent ?? "").trim().length > 40))
      next = next.nextElementSibling;
    return (next?.textContent ?? "").trim().split(/\s+/).slice(0, 6).join(" ");
  });
  expect(words.length).toBeGreaterThan(10);
  await selectWithMouse(page, words);
  await page
    .getByTestId("selection-toolbar")
    .getByRole("button", { name: /Annotate/ })
    .click();
  await page.getByLabel("Comment (Markdown)").fill("Counted on the second page.");
  await page.getByRole("button", { name: "Save" }).click();
  const card = page.getByTestId("annotation-card");
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("annotation-place")).toHaveText("p. 2");
  await card.screenshot({ path: testInfo.outputPath("card-page.png") });

  // The report, with the Chicago author-date bibliography chosen in the menu.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  await page.getByRole("menuitemradio", { name: "Chicago" }).click();
  await expect(page.getByRole("menuitemradio", { name: "Chicago" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("menuitem", { name: "References: BibTeX" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("export-menu.png") });
  await page.getByRole("menuitem", { name: "PDF report (for print)" }).click();
  const printed = (await readPdf(readFileSync(await (await download).path()))).pages.join(" ");
  expect(printed).toContain("(Ellison 2024, p. 2)");
  expect(printed).toContain("References");
  expect(printed).toContain("Ellison, Mara. 2024.");
});

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createWorkspace, poster, signUp, uniqueEmail } from "../support";

// Serious and critical axe violations (WCAG 2.x A/AA) in the page's main content, one line per element.
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .include("main")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} ${node.target.join(" ")}`));
}

const HARBOUR =
  "Harbour fees rose twice in one winter.\n\nThe pilots' guild answered with a strike that closed the estuary for nine days.";
const LEDGER =
  "# The toll ledger\n\nEvery barge paid by the tonne, and the clerks kept two books: one for the council, one for the guild.";

test("many files at once: a new one is imported, a duplicate points to the document already there, an unsupported one is skipped", async ({
  page,
}) => {
  await signUp(page, "Bea Bulk", uniqueEmail("bulk"));
  const workspaceId = await createWorkspace(page, "Estuary papers");
  const existingId = await poster(page)(`/api/v1/workspaces/${workspaceId}/documents`, {
    title: "Harbour fees",
    text: HARBOUR,
  });

  await page.goto(`/workspaces/${workspaceId}/import`);
  // Three files dropped on the file zone: several files go to the many-file list.
  const dataTransfer = await page.evaluateHandle(
    ({ harbour, ledger }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([harbour], "harbour-copy.txt", { type: "text/plain" }));
      transfer.items.add(new File([ledger], "toll-ledger.md", { type: "text/markdown" }));
      transfer.items.add(new File([new Uint8Array([137, 80, 78, 71])], "map.png", { type: "image/png" }));
      return transfer;
    },
    { harbour: HARBOUR, ledger: LEDGER },
  );
  await page.getByText("Drop a file here, or click to choose one").dispatchEvent("drop", { dataTransfer });

  const list = page.getByRole("list", { name: "Files to import" });
  const row = (name: string) => list.getByTestId("import-row").filter({ hasText: name });
  await expect(row("map.png")).toHaveAttribute("data-state", "skipped");
  await expect(row("map.png")).toContainText(".png files are not imported");
  await expect(row("toll-ledger.md")).toHaveAttribute("data-state", "done");
  await expect(row("harbour-copy.txt")).toHaveAttribute("data-state", "duplicate");
  await expect(row("harbour-copy.txt")).toContainText("Harbour fees");
  await expect(page.getByRole("status").filter({ hasText: "Finished" })).toHaveText(
    "Finished: 1 imported, 1 already here, 1 skipped.",
  );
  await page.screenshot({ path: "test-results/screens/bulk-import.png", fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // The duplicate links to the document already there; the new one to itself.
  await expect(row("harbour-copy.txt").getByRole("link", { name: "Open the existing document" })).toHaveAttribute(
    "href",
    `/documents/${existingId}`,
  );
  await row("toll-ledger.md").getByRole("link", { name: "Open “The toll ledger”" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The toll ledger" })).toBeVisible();
  await page.goBack();
  await page.goto(`/documents/${existingId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Harbour fees" })).toBeVisible();
});

test("a folder: its supported files are imported with their paths, two at a time, and a failed one can be retried", async ({
  page,
}) => {
  await signUp(page, "Finn Folder", uniqueEmail("folder"));
  const workspaceId = await createWorkspace(page, "Folder papers");
  const folder = mkdtempSync(path.join(tmpdir(), "counterpoint-folder-"));
  mkdirSync(path.join(folder, "minutes"));
  writeFileSync(path.join(folder, "minutes", "march.txt"), "The council met in March and deferred the toll.");
  writeFileSync(path.join(folder, "minutes", "april.txt"), "The council met in April and doubled the toll.");
  writeFileSync(path.join(folder, "notes.md"), "# Notes\n\nNobody expected the guild to win.");
  // Claims to be text but holds none: the server refuses it.
  writeFileSync(path.join(folder, "broken.txt"), Buffer.from([0, 159, 146, 150, 0, 0, 1, 2, 3, 255, 0, 0]));

  // Counts uploads under way at once (each held a moment so they can overlap).
  let underWay = 0;
  let mostAtOnce = 0;
  const uploads = `**/api/v1/workspaces/${workspaceId}/documents`;
  await page.route(uploads, async (route) => {
    underWay += 1;
    mostAtOnce = Math.max(mostAtOnce, underWay);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  const isUpload = (request: { url: () => string; method: () => string }) =>
    request.method() === "POST" && request.url().endsWith(`/workspaces/${workspaceId}/documents`);
  page.on("requestfinished", (request) => {
    if (isUpload(request)) underWay -= 1;
  });
  page.on("requestfailed", (request) => {
    if (isUpload(request)) underWay -= 1;
  });

  await page.goto(`/workspaces/${workspaceId}/import`);
  await page.getByLabel("Many files or a folder").check();
  await page.getByLabel("Choose a folder").setInputFiles(folder);
  const rows = page.getByTestId("import-row");
  await expect(rows).toHaveCount(4);
  for (const month of ["march", "april"]) {
    const row = rows.filter({ hasText: `${month}.txt` });
    await expect(row).toHaveAttribute("data-state", "done");
    await expect(row).toContainText(/in counterpoint-folder-\w+\/minutes/);
    await expect(row.getByRole("link", { name: `Open “${month[0]!.toUpperCase()}${month.slice(1)}”` })).toBeVisible();
  }
  await expect(rows.filter({ hasText: "notes.md" })).toHaveAttribute("data-state", "done");
  const broken = rows.filter({ hasText: "broken.txt" });
  await expect(broken).toHaveAttribute("data-state", "failed");
  await expect(broken).toContainText("does not contain text");
  await broken.getByRole("button", { name: /Retry/ }).focus();
  await page.keyboard.press("Enter");
  await expect(broken).toHaveAttribute("data-state", "failed");
  await expect(page.getByRole("status").filter({ hasText: "Finished" })).toHaveText("Finished: 3 imported, 1 failed.");
  expect(mostAtOnce).toBe(2);

  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/bulk-import-phone-dark.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page)).toEqual([]);
});

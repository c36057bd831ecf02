import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createWorkspace, person } from "../support";

// Our own page, served on loopback (the test harness allows 127.0.0.1 for URL import).
const PAGE = `<!doctype html><html><head><title>Lanterns of the Night Market</title></head><body><article>
<h1>Lanterns of the Night Market</h1>
<p>Every stall on the quay hangs a paper lantern after the fishing boats come in. The lantern makers' guild sets the colours each spring, and nobody may hang a blue one before the first storm.</p>
<p>Visitors often mistake the lanterns for decoration. In fact each colour tells the boats which berth is free, and the harbour master reads them from the tower at dusk.</p>
</article></body></html>`;

let server: http.Server;
test.beforeAll(async () => {
  server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
test.afterAll(() => new Promise((resolve) => server.close(resolve)));

test("imports an article from its address, then a Hypothesis export onto it, and shows the report", async ({
  browser,
}, testInfo) => {
  const owner = await person(browser, "Uma Url");
  const workspaceId = await createWorkspace(owner.page, "Imported from the web");
  const page = owner.page;
  // The fixture's annotations name https://example.org/essays/lanterns: serve the article as that page's copy.
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/essays/lanterns`;

  await page.goto(`/workspaces/${workspaceId}/import`);
  await page.getByLabel("From a web address").check();
  await page.getByLabel("Article address").fill("ftp://example.org/x");
  await page.getByRole("button", { name: "Import document" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Only http and https addresses");
  await page.getByLabel("Article address").fill(address);
  await page.screenshot({ path: testInfo.outputPath("url-form.png"), fullPage: true });
  await page.getByRole("button", { name: "Import document" }).click();
  await page.waitForURL(/\/documents\//);
  await expect(page.getByRole("heading", { name: "Lanterns of the Night Market" }).first()).toBeVisible();
  const documentId = page.url().split("/documents/")[1]!.split(/[/?#]/)[0]!;
  const document = await (await page.request.get(`/api/v1/documents/${documentId}`)).json();
  expect(document.sourceUrl).toBe(address);
  // Point the document at the address the fixture's annotations were made on.
  const renamed = await page.request.patch(`/api/v1/documents/${documentId}`, {
    data: { sourceUrl: "https://example.org/essays/lanterns", metadataVersion: document.metadataVersion },
  });
  expect(renamed.status()).toBe(200);

  await page.goto(`/workspaces/${workspaceId}/import`);
  await page
    .getByLabel("Hypothesis export")
    .setInputFiles(path.join(import.meta.dirname, "../../tests/fixtures/hypothesis/export.json"));
  await page.getByRole("button", { name: "Import annotations" }).click();
  const report = page.getByTestId("hypothesis-report");
  await expect(report).toContainText("13 items in the file.");
  await expect(report.getByText("Anchored").locator("xpath=following-sibling::dd[1]")).toHaveText("2");
  await expect(report.getByText("On web sources").locator("xpath=following-sibling::dd[1]")).toHaveText("2");
  await expect(report).toContainText("A page note");
  await report.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("hypothesis-report.png"), fullPage: true });

  // The anchored annotation is in the reader, on its passage.
  await page.goto(`/documents/${documentId}`);
  await expect(page.getByText("The guild decides, not the city.").first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("reader.png"), fullPage: true });
});

import { expect, test } from "@playwright/test";
import { describeQuote } from "../../lib/anchoring/selectors";
import { createWorkspace, poster, signUp, uniqueEmail } from "../support";

// Texts written for this test: four notes on a harbor's trade.
const DOCUMENTS = {
  Ports: "Ports grew busier this year. Cranes ran at night. Berths were short.",
  Tariffs: "Tariffs rose on steel. Importers paid more. Some cargo moved elsewhere.",
  Shipping: "Shipping lines cut routes. Cranes stood idle. Freight rates fell.",
  Customs: "Customs checks slowed trucks. Queues formed at dawn. Paperwork doubled.",
};
const QUOTES: Record<keyof typeof DOCUMENTS, [string, string]> = {
  Ports: ["Ports grew busier", "Cranes ran at night"],
  Tariffs: ["Tariffs rose on steel", "Importers paid more"],
  Shipping: ["Shipping lines cut routes", "Cranes stood idle"],
  Customs: ["Customs checks slowed trucks", "Queues formed at dawn"],
};

test("the debate map opens on an overview of documents, opens one on demand, and says what it leaves out", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await signUp(page, "Olga Overview", uniqueEmail("olga"));
  const workspaceId = await createWorkspace(page, "Harbor trade");
  const post = poster(page);
  const passages: Record<string, [string, string]> = {};
  const documentIds: Record<string, string> = {};
  for (const [title, text] of Object.entries(DOCUMENTS) as Array<[keyof typeof DOCUMENTS, string]>) {
    documentIds[title] = await post(`/api/v1/workspaces/${workspaceId}/documents`, { title, text });
    const ids: string[] = [];
    for (const quote of QUOTES[title])
      ids.push(
        await post(`/api/v1/documents/${documentIds[title]}/annotations`, {
          selectors: describeQuote(text, quote),
          body: `On ${quote.toLowerCase()}`,
        }),
      );
    passages[title] = ids as [string, string];
  }
  const link = (from: string, to: string, relation: string, rationale = "") =>
    post("/api/v1/links", { fromAnnotationId: from, toAnnotationId: to, relation, rationale });
  await link(passages.Ports![0], passages.Tariffs![0], "agrees", "Busier ports **despite** tariffs");
  await link(passages.Ports![1], passages.Tariffs![1], "agrees");
  await link(passages.Ports![1], passages.Shipping![1], "contradicts");
  await link(passages.Tariffs![1], passages.Customs![0], "qualifies");

  // The overview: four documents, and the four links on three edges (Ports → Tariffs counts two).
  await page.goto(`/workspaces/${workspaceId}/map`);
  const map = page.getByTestId("debate-map");
  await expect(map).toHaveAttribute("data-level", "overview");
  await expect(map).toHaveAttribute("data-ready", "1");
  await expect(map).toHaveAttribute("data-nodes", "4");
  await expect(map).toHaveAttribute("data-edges", "3");
  await expect(page.getByTestId("map-counts")).toHaveText("4 documents · 4 links");
  await expect(page.getByTestId("map-cluster")).toHaveCount(4);
  await expect(page.getByTestId("map-cluster").first()).toContainText("Ports");
  await expect(page.getByTestId("map-notice")).toHaveCount(0);
  await page.getByText("The links as a list").click();
  await expect(page.getByTestId("map-edges").locator("li")).toContainText([
    "Ports agrees Tariffs: 2 links",
    "Ports contradicts Shipping: 1 link",
    "Tariffs qualifies Customs: 1 link",
  ]);
  await page.screenshot({ path: testInfo.outputPath("map-overview.png"), fullPage: true });

  // Opened from the keyboard: Ports' passages, their links and the passages at the other ends.
  await page.getByRole("button", { name: "Open Ports" }).focus();
  await page.keyboard.press("Enter");
  await expect(map).toHaveAttribute("data-level", "document");
  await expect(map).toHaveAttribute("data-ready", "1");
  await expect(map).toHaveAttribute("data-nodes", "5");
  await expect(map).toHaveAttribute("data-edges", "3");
  expect(page.url()).toContain(`document=${documentIds.Ports}`);
  await page.getByText("The links as a list").click();
  await expect(page.getByTestId("link-rationale").locator("strong")).toHaveText("despite");
  await page.screenshot({ path: testInfo.outputPath("map-cluster.png"), fullPage: true });

  // Escape returns to the overview.
  await page.keyboard.press("Escape");
  await expect(map).toHaveAttribute("data-level", "overview");

  // Drawing only the two most linked documents one by one puts the other two in one cluster, and says so.
  await page.getByLabel("Draw the").fill("2");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("map-notice")).toContainText(
    "the other 2 of 4 documents with links are drawn together as one cluster, with the 2 of 4 links that touch them",
  );
  await expect(map).toHaveAttribute("data-nodes", "3");
  await expect(map).toHaveAttribute("data-edges", "3");
  await expect(page.getByTestId("map-counts")).toHaveText("4 documents · 4 links");
  await expect(page.getByTestId("map-cluster").last()).toContainText("2 other documents");
  await page.screenshot({ path: testInfo.outputPath("map-others.png"), fullPage: true });

  // Dark mode reaches the canvas of an opened document too.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/workspaces/${workspaceId}/map?document=${documentIds.Tariffs}`);
  await expect(map).toHaveAttribute("data-level", "document");
  await expect(map).toHaveAttribute("data-ready", "1");
  await page.screenshot({ path: testInfo.outputPath("map-cluster-dark.png"), fullPage: true });
});

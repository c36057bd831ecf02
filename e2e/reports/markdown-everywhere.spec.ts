import { expect, test, type Locator } from "@playwright/test";
import { describeQuote } from "../../lib/anchoring/selectors";
import { createWorkspace, poster, selectWithMouse, signUp, uniqueEmail } from "../support";

// Texts written for this test: a town's argument over a sea-wall levy.
const LEVY = "The council asks every household to pay the same levy and calls that fair.";
const HARBOR = `Harbor towns argue about paying for their sea walls. ${LEVY} Critics disagree.`;
const REGRESSIVE = "A flat levy is regressive";
const ENGINEER = `An engineer's view of the walls. ${REGRESSIVE}: the poorest carry the same burden as the richest.`;

// Bold text and a numbered list, rendered (not shown as asterisks and digits).
async function expectRendered(block: Locator, bold: string, items: string[]) {
  await expect(block.locator("strong", { hasText: bold })).toBeVisible();
  await expect(block.locator("ol > li")).toHaveText(items);
  await expect(block).not.toContainText("**");
}

test("Markdown renders in a link rationale, a thread resolution and a curator's note; the compare banner clears", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await signUp(page, "Mara Moderator", uniqueEmail("mara"));
  const workspaceId = await createWorkspace(page, "Sea walls");
  const post = poster(page);
  const harbor = await post(`/api/v1/workspaces/${workspaceId}/documents`, { title: "Harbor levy", text: HARBOR });
  const engineer = await post(`/api/v1/workspaces/${workspaceId}/documents`, { title: "Engineer", text: ENGINEER });
  const levy = await post(`/api/v1/documents/${harbor}/annotations`, {
    selectors: describeQuote(HARBOR, LEVY),
    body: "Equal is not fair.",
  });

  // Compare: arriving with a passage to link from, Esc gives it up and the banner goes.
  await page.goto(`/workspaces/${workspaceId}/compare?left=${harbor}&right=${engineer}&from=${levy}`);
  const banner = page.getByTestId("linking-from");
  await expect(banner).toContainText("Linking from");
  await page.keyboard.press("Escape");
  await expect(banner).toHaveCount(0);
  expect(page.url()).not.toContain("from=");

  // Clicking the highlight starts again; the other side's selection and a relation ask for a rationale.
  await page.getByTestId("compare-left").locator("mark").first().click();
  await expect(banner).toBeVisible();
  await selectWithMouse(page, REGRESSIVE, page.getByTestId("compare-right").locator(".reader-text"));
  await page
    .getByRole("toolbar", { name: "Link the selected passage" })
    .getByRole("button", { name: "contradicts" })
    .click();
  await page.getByLabel("Why? Your rationale (Markdown)").fill("Because **equal** is not fair:\n\n1. one\n2. two");
  await page.screenshot({ path: testInfo.outputPath("compare-asks-rationale.png") });
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId("connector")).toHaveCount(1);
  await expectRendered(page.getByTestId("link-rationale"), "equal", ["one", "two"]);
  await page.screenshot({ path: testInfo.outputPath("compare-rationale.png") });
  const linkId = (
    (await (await page.request.get(`/api/v1/documents/${harbor}/links`)).json()) as {
      items: { id: string }[];
    }
  ).items[0]!.id;

  // A moderator's resolution, in the reader's thread.
  await post("/api/v1/moderation/actions", {
    targetType: "annotation",
    targetId: levy,
    action: "resolve-thread",
    reason: "Settled",
    summary: "**Settled** for now:\n\n1. alpha\n2. beta",
  });
  await page.goto(`/documents/${harbor}#annotation-${levy}`);
  await page.getByRole("button", { name: /0 replies/ }).click();
  await expectRendered(page.getByTestId("thread-resolution"), "Settled", ["alpha", "beta"]);
  await expectRendered(page.getByTestId("passage-link").getByTestId("link-rationale"), "equal", ["one", "two"]);
  await page.getByTestId("thread-resolution").screenshot({ path: testInfo.outputPath("resolution.png") });

  // A collection: its introduction keeps its numbered list, the curator's note and the link's rationale render.
  const collectionId = await post(`/api/v1/workspaces/${workspaceId}/collections`, {
    title: "The levy",
    description: "Two sides:\n\n1. the council\n2. the engineer",
  });
  await post(`/api/v1/collections/${collectionId}/items`, {
    type: "link",
    id: linkId,
    note: "**Why** this pair:\n\n1. levy\n2. burden",
  });
  await page.goto(`/workspaces/${workspaceId}/collections/${collectionId}`);
  await expect(page.getByTestId("collection-introduction").locator("ol > li")).toHaveText([
    "the council",
    "the engineer",
  ]);
  await expectRendered(page.getByTestId("curator-note"), "Why", ["levy", "burden"]);
  await expectRendered(page.getByTestId("collection-item").getByTestId("link-rationale"), "equal", ["one", "two"]);
  await page.screenshot({ path: testInfo.outputPath("collection.png"), fullPage: true });

  // The moderation queue shows a flagged link's rationale as written.
  await post("/api/v1/flags", { targetType: "link", targetId: linkId, reason: "Check the wording" });
  await page.goto(`/workspaces/${workspaceId}/moderation`);
  await expectRendered(page.getByTestId("queue-body"), "equal", ["one", "two"]);
  await page.getByTestId("queue-item").screenshot({ path: testInfo.outputPath("moderation-queue.png") });

  // The debate map follows the system's dark mode, canvas included, and lists the rationale.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/workspaces/${workspaceId}/map`);
  const map = page.getByTestId("debate-map");
  await expect(map).toHaveAttribute("data-edges", "1");
  const background = await map.evaluate((element) => getComputedStyle(element).backgroundColor);
  const [red, green, blue] = background.match(/\d+(\.\d+)?/g)!.map(Number);
  expect(red! + green! + blue!).toBeLessThan(150);
  // The overview counts links between documents; the rationale is in an opened document's list.
  await page.getByRole("button", { name: "Open Harbor levy" }).click();
  await page.getByText("The links as a list").click();
  await expectRendered(page.getByTestId("link-rationale"), "equal", ["one", "two"]);
  await page.screenshot({ path: testInfo.outputPath("map-dark.png"), fullPage: true });
});

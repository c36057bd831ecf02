import AxeBuilder from "@axe-core/playwright";
import { ALLIANCE_TITLE, AXIS_TITLE, NO_ALLIANCE, readFixture } from "../../tests/fixtures/texts";
import { expect, test, type Page } from "@playwright/test";
import { describeQuote } from "../../lib/anchoring/selectors";
import { createWorkspace, poster, signUp, uniqueEmail } from "../support";

const SCHEMES = ["light", "dark"] as const;

// Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) over the page as it is now and returns
// the serious and critical violations, and skipped heading levels (axe rates those
// "moderate", but a screen reader's outline of the page depends on them), one line per element.
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter(
      (violation) =>
        violation.impact === "serious" || violation.impact === "critical" || violation.id === "heading-order",
    )
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ") ?? violation.help}`,
      ),
    );
}

type Visit = { name: string; url: string; ready: (page: Page) => Promise<void> };

async function audit(page: Page, visits: Visit[], screenshots: (name: string) => string) {
  const failures: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const visit of visits) {
      await page.goto(visit.url);
      await visit.ready(page);
      const found = await seriousViolations(page);
      if (scheme === "dark")
        await page.screenshot({ path: screenshots(`dark-${visit.name.replace(/\W+/g, "-")}.png`) });
      failures.push(...found.map((line) => `[${scheme}] ${visit.name}: ${line}`));
    }
  }
  expect(failures, failures.join("\n")).toEqual([]);
}

test("every page has no serious or critical axe violations, in light and dark mode", async ({ browser }, testInfo) => {
  const screenshots = (name: string) => testInfo.outputPath(name);
  test.setTimeout(240_000);

  // Signed out: the landing page and the sign-in page.
  const visitor = await (await browser.newContext()).newPage();
  await audit(
    visitor,
    [
      {
        name: "landing",
        url: "/",
        ready: (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible(),
      },
      {
        name: "sign-in",
        url: "/signin",
        ready: (page) => expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible(),
      },
    ],
    screenshots,
  );

  // Signed in as the owner of a workspace with a debate in it.
  const page = await (await browser.newContext()).newPage();
  await signUp(page, "Ada Auditor", uniqueEmail("ada"));
  const workspaceId = await createWorkspace(page, "Axis accessibility");
  const post = poster(page);
  const lin = readFixture("axis");
  const istomin = readFixture("alliance");
  const linId = await post(`/api/v1/workspaces/${workspaceId}/documents`, {
    title: AXIS_TITLE,
    authors: ["Ada Novak"],
    text: lin,
  });
  const istominId = await post(`/api/v1/workspaces/${workspaceId}/documents`, {
    title: ALLIANCE_TITLE,
    authors: ["Pavel Orlov"],
    text: istomin,
  });
  const axis = await post(`/api/v1/documents/${linId}/annotations`, {
    selectors: describeQuote(lin, AXIS_TITLE),
    body: "Lin's thesis: an **axis**.",
    tags: ["framing"],
  });
  const noAlliance = await post(`/api/v1/documents/${istominId}/annotations`, {
    selectors: describeQuote(istomin, NO_ALLIANCE),
    body: "Istomin: no alliance, by design.",
    color: "blue",
  });
  const linkId = await post("/api/v1/links", {
    fromAnnotationId: noAlliance,
    toAnnotationId: axis,
    relation: "contradicts",
    rationale: "Avoiding an alliance on purpose is not an axis taking shape.",
  });
  const reply = await post(`/api/v1/annotations/${axis}/replies`, {
    body: "Joint patrols near Alaska say otherwise.",
    stance: "opposes",
  });
  await post(`/api/v1/annotations/${axis}/replies`, { body: "Which patrols?", stance: "asks" });
  const claimId = await post(`/api/v1/workspaces/${workspaceId}/claims`, {
    title: "China and Russia form an axis",
    description: "Whether the partnership works as a bloc.",
  });
  await post(`/api/v1/claims/${claimId}/passages`, { annotationId: axis, stance: "supports" });
  await post(`/api/v1/claims/${claimId}/passages`, { annotationId: noAlliance, stance: "opposes" });
  const collectionId = await post(`/api/v1/workspaces/${workspaceId}/collections`, {
    title: "The core exchange",
    description: "Lin against **Istomin**.",
  });
  await post(`/api/v1/collections/${collectionId}/items`, { type: "link", id: linkId, note: "The crux." });
  await post(`/api/v1/collections/${collectionId}/items`, { type: "annotation", id: axis });
  await post("/api/v1/flags", { targetType: "reply", targetId: reply, reason: "Needs a source." });
  const hide = await page.request.post("/api/v1/moderation/actions", {
    data: { targetType: "annotation", targetId: noAlliance, action: "pin", reason: "Central to the debate." },
  });
  expect(hide.ok()).toBe(true);

  const workspace = `/workspaces/${workspaceId}`;
  await audit(
    page,
    [
      {
        name: "workspaces",
        url: "/workspaces",
        ready: (page) => expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible(),
      },
      {
        name: "workspace home",
        url: workspace,
        ready: (page) => expect(page.getByRole("link", { name: AXIS_TITLE })).toBeVisible(),
      },
      {
        name: "reader with a thread open",
        url: `/documents/${linId}`,
        ready: async (page) => {
          const card = page.getByTestId("annotation-card");
          await card.getByRole("button", { name: /Go to the passage/ }).click();
          await expect(card.getByTestId("reply").first()).toBeVisible();
        },
      },
      {
        name: "compare",
        url: `${workspace}/compare?left=${linId}&right=${istominId}`,
        ready: (page) => expect(page.getByTestId("connector")).toHaveCount(1),
      },
      {
        name: "map",
        url: `${workspace}/map`,
        ready: (page) => expect(page.getByTestId("debate-map")).toHaveAttribute("data-edges", "1"),
      },
      {
        name: "claims",
        url: `${workspace}/claims`,
        ready: (page) => expect(page.getByText("China and Russia form an axis").first()).toBeVisible(),
      },
      {
        name: "moderation",
        url: `${workspace}/moderation`,
        ready: (page) => expect(page.getByText("Needs a source.").first()).toBeVisible(),
      },
      {
        name: "collection",
        url: `${workspace}/collections/${collectionId}`,
        ready: (page) => expect(page.getByTestId("collection-item")).toHaveCount(2),
      },
      {
        name: "search",
        url: `${workspace}/search?q=axis`,
        ready: (page) => expect(page.getByRole("link", { name: AXIS_TITLE }).first()).toBeVisible(),
      },
      {
        name: "members",
        url: `${workspace}/members`,
        ready: (page) => expect(page.getByText("Ada Auditor").first()).toBeVisible(),
      },
      {
        name: "audit log",
        url: `${workspace}/audit-log`,
        ready: (page) => expect(page.getByText("Central to the debate.").first()).toBeVisible(),
      },
      {
        name: "import",
        url: `${workspace}/import`,
        ready: (page) => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible(),
      },
      {
        name: "account settings",
        url: "/settings/account",
        ready: (page) => expect(page.getByRole("heading", { name: "Change password" })).toBeVisible(),
      },
      {
        name: "access tokens",
        url: "/settings/tokens",
        ready: (page) => expect(page.getByRole("heading", { name: "Personal access tokens" })).toBeVisible(),
      },
      {
        name: "notification settings",
        url: "/settings/notifications",
        ready: (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible(),
      },
    ],
    screenshots,
  );
});

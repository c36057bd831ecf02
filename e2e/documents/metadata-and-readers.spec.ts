import { expect, test } from "@playwright/test";
import { addMember, createWorkspace, person, poster } from "../support";

const TEXT =
  "Two powers can stand shoulder to shoulder without a treaty.\n\nWhat matters is whether their habits of cooperation behave like an alliance.";

test("details keep their date's precision and the text's version; viewers flag; nobody votes on their own reply; matrix cells open their passages", async ({
  browser,
}) => {
  const owner = await person(browser, "Olga Owner");
  const viewer = await person(browser, "Vera Viewer");
  const workspaceId = await createWorkspace(owner.page, "Details and readers");
  const api = owner.page.request;
  await addMember(owner.page, workspaceId, viewer, "viewer");
  const documentId = (
    (await (
      await api.post(`/api/v1/workspaces/${workspaceId}/documents`, {
        data: { title: "Shoulder to shoulder", text: TEXT, publishedAt: "2023" },
      })
    ).json()) as { id: string }
  ).id;

  // The role select lists roles by power.
  await owner.page.goto(`/workspaces/${workspaceId}/members`);
  await expect(owner.page.getByLabel("Role", { exact: true }).locator("option")).toHaveText([
    "Owner",
    "Moderator",
    "Researcher",
    "Viewer",
  ]);

  await expect(owner.page.getByLabel("Role of Vera Viewer").locator("option")).toHaveText([
    "Owner",
    "Moderator",
    "Researcher",
    "Viewer",
  ]);
  await expect(owner.page.getByTestId("member-row")).toHaveText([/Olga Owner/, /Vera Viewer/]);

  // A year stays a year; a month is shown as a month; editing details leaves the version alone.
  await owner.page.goto(`/documents/${documentId}/edit`);
  await expect(owner.page.getByLabel("Published")).toHaveValue("2023");
  await owner.page.getByLabel("Published").fill("2023-09");
  await owner.page.getByRole("button", { name: "Save details" }).click();
  await expect(owner.page.getByRole("heading", { name: "Shoulder to shoulder" })).toBeVisible();
  await expect(owner.page.getByText("Unknown author · September 2023")).toBeVisible();
  await expect(owner.page.getByText("Version 1")).toBeVisible();
  await owner.page.screenshot({ path: "test-results/screens/details-month.png" });

  const annotationId = await poster(owner.page)(`/api/v1/documents/${documentId}/annotations`, {
    selectors: [{ type: "TextQuoteSelector", exact: "habits of cooperation" }],
    body: "Habits, not treaties.",
  });
  const replyId = (
    (await (
      await api.post(`/api/v1/annotations/${annotationId}/replies`, {
        data: { body: "Habits can harden into commitments.", stance: "supports" },
      })
    ).json()) as { id: string }
  ).id;
  const thread = `/documents/${documentId}#annotation-${annotationId}`;

  // The author cannot vote on their own reply.
  await owner.page.goto(thread);
  const ownReply = owner.page.locator(`[data-reply-id="${replyId}"]`);
  // The thread loads after the page (annotations, then the deep-linked thread): allow a busy machine.
  await expect(ownReply).toContainText("Habits can harden", { timeout: 30_000 });
  await expect(ownReply.getByRole("button", { name: "Vote up" })).toBeDisabled();
  await expect(ownReply.getByRole("button", { name: "Flag" })).toHaveCount(0);

  // A viewer may flag what they read.
  await viewer.page.goto(thread);
  const seen = viewer.page.locator(`[data-reply-id="${replyId}"]`);
  await expect(seen).toContainText("Habits can harden");
  await seen.getByRole("button", { name: "Flag" }).click();
  await seen.getByLabel("Why should a moderator look at this?").fill("Needs a source");
  await seen.getByRole("button", { name: "Flag" }).click();
  await expect(seen.getByText("Flagged for moderators")).toBeVisible();

  // A claim matrix cell opens the passages behind it, from the keyboard too.
  const claimId = (
    (await (
      await api.post(`/api/v1/workspaces/${workspaceId}/claims`, { data: { title: "Is it an alliance?" } })
    ).json()) as { id: string }
  ).id;
  expect(
    (await api.post(`/api/v1/claims/${claimId}/passages`, { data: { annotationId, stance: "supports" } })).status(),
  ).toBe(201);
  await viewer.page.goto(`/workspaces/${workspaceId}/claims`);
  const cell = viewer.page.getByTestId("claim-matrix").locator("summary");
  const details = viewer.page.getByTestId("claim-matrix").locator("details").first();
  const passage = viewer.page.getByRole("list", { name: "Passages behind this stance" }).getByRole("link");
  // Opened from the keyboard; retried while the page is still hydrating (an autofocused field
  // can take the focus the first Enter was meant for).
  await expect(async () => {
    if ((await details.getAttribute("open")) === null) await cell.press("Enter");
    await expect(passage).toContainText("habits of cooperation", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await viewer.page.screenshot({ path: "test-results/screens/claim-matrix-open.png" });
  await passage.focus();
  await viewer.page.keyboard.press("Enter");
  await expect(viewer.page).toHaveURL(new RegExp(`/documents/${documentId}#annotation-${annotationId}$`));

  // The audit log names the document deleted and the member added.
  expect((await api.delete(`/api/v1/documents/${documentId}`)).status()).toBe(204);
  await owner.page.goto(`/workspaces/${workspaceId}/audit-log`);
  await expect(owner.page.getByTestId("audit-log")).toContainText("document-delete");
  await expect(owner.page.getByTestId("audit-log")).toContainText("“Shoulder to shoulder”");
  await expect(owner.page.getByTestId("audit-log")).toContainText("Vera Viewer");
  await owner.page.screenshot({ path: "test-results/screens/audit-log-named.png" });
});

import { expect, test } from "@playwright/test";
import { addMember, createWorkspace, person, poster } from "../support";

const TEXT =
  "Two powers can stand shoulder to shoulder without a treaty.\n\nWhat matters is whether their habits of cooperation behave like an alliance.";

test("a researcher flags a reply, a moderator hides it from the queue, and only moderators still see it", async ({
  browser,
}) => {
  const moderator = await person(browser, "Mona Moderator");
  const researcher = await person(browser, "Remy Researcher");
  const viewer = await person(browser, "Vera Viewer");
  const outsider = await person(browser, "Otto Outsider");
  const workspaceId = await createWorkspace(moderator.page, "Moderated debate");
  const api = moderator.page.request;
  for (const [who, role] of [
    [researcher, "researcher"],
    [viewer, "viewer"],
  ] as const) {
    await addMember(moderator.page, workspaceId, who, role);
  }
  const documentId = (
    (await (
      await api.post(`/api/v1/workspaces/${workspaceId}/documents`, {
        data: { title: "Shoulder to shoulder", text: TEXT },
      })
    ).json()) as { id: string }
  ).id;
  const annotationId = await poster(moderator.page)(`/api/v1/documents/${documentId}/annotations`, {
    selectors: [{ type: "TextQuoteSelector", exact: "habits of cooperation" }],
    body: "Habits, not treaties.",
  });
  const replyResponse = await researcher.page.request.post(`/api/v1/annotations/${annotationId}/replies`, {
    data: { body: "Only a fool would believe this.", stance: "opposes" },
  });
  expect(replyResponse.status()).toBe(201);
  const replyId = ((await replyResponse.json()) as { id: string }).id;
  const thread = `/documents/${documentId}#annotation-${annotationId}`;

  // Another researcher reads the thread and flags Remy's reply.
  const second = await person(browser, "Rita Reader");
  await addMember(moderator.page, workspaceId, second, "researcher");
  await second.page.goto(thread);
  const flagged = second.page.locator(`[data-reply-id="${replyId}"]`);
  await expect(flagged).toContainText("Only a fool");
  await flagged.getByRole("button", { name: "Flag" }).click();
  await flagged.getByLabel("Why should a moderator look at this?").fill("Insults instead of arguments");
  await flagged.getByRole("button", { name: "Flag" }).click();
  await expect(flagged.getByText("Flagged for moderators")).toBeVisible();

  // The moderator hides it from the queue, with a reason.
  await moderator.page.goto(`/workspaces/${workspaceId}/moderation`);
  const item = moderator.page.getByTestId("queue-item");
  await expect(item).toContainText("Insults instead of arguments");
  await expect(item).toContainText("habits of cooperation");
  await item.getByRole("button", { name: "Hide" }).click();
  await item.getByLabel(/Reason to hide/).fill("Personal attack");
  await item.getByRole("button", { name: "Hide" }).last().click();
  await expect(moderator.page.getByText("Nothing waiting")).toBeVisible();

  // Gone for researchers; kept, marked, for the moderator.
  await second.page.goto("about:blank");
  await second.page.goto(thread);
  await expect(second.page.getByTestId("thread")).toContainText("No replies yet");
  await expect(second.page.getByText("Only a fool")).toHaveCount(0);
  await moderator.page.goto(thread);
  const kept = moderator.page.locator(`[data-reply-id="${replyId}"]`);
  await expect(kept).toContainText("hidden");
  await expect(kept.getByRole("button", { name: "Restore" })).toBeVisible();

  // Exports follow the same rule: not in the researcher's report, marked in the moderator's.
  const researcherReport = await (
    await second.page.request.get(`/api/v1/workspaces/${workspaceId}/export?format=md`)
  ).text();
  expect(researcherReport).toContain("Habits, not treaties.");
  expect(researcherReport).not.toContain("Only a fool");
  const moderatorReport = await (await api.get(`/api/v1/workspaces/${workspaceId}/export?format=csv`)).text();
  expect(moderatorReport).toMatch(/Only a fool would believe this\.,,opposes,.*,hidden/);

  // The audit log says who hid it and why.
  await moderator.page.goto(`/workspaces/${workspaceId}/audit-log`);
  await expect(moderator.page.getByTestId("audit-log")).toContainText("Mona Moderator");
  await expect(moderator.page.getByTestId("audit-log")).toContainText("Personal attack");
  await moderator.page.screenshot({ path: "test-results/screens/audit-log.png" });

  // A viewer reads but cannot reply; an outsider gets 404s.
  await viewer.page.goto(thread);
  await expect(viewer.page.getByTestId("thread")).toBeVisible();
  await expect(viewer.page.getByLabel("Reply to the thread")).toHaveCount(0);
  expect(
    (
      await viewer.page.request.post(`/api/v1/annotations/${annotationId}/replies`, {
        data: { body: "Let me in", stance: "asks" },
      })
    ).status(),
  ).toBe(403);
  expect((await outsider.page.request.get(`/api/v1/workspaces/${workspaceId}/documents`)).status()).toBe(404);
  expect((await outsider.page.goto(`/documents/${documentId}`))!.status()).toBe(404);
});

import { expect, test } from "@playwright/test";
import { signUnsubscribeToken } from "../../lib/mail/unsubscribe-token";
import { createWorkspace, signUp, uniqueEmail } from "../support";

// The e2e server runs without SMTP_URL: settings are kept for when mail is on, and the invite
// dialog shows the link to copy.
test("notification settings: one select per kind, saved at once and kept", async ({ page }) => {
  await signUp(page, "Nina Notify", uniqueEmail("nina"));
  await page.getByRole("button", { name: /Account menu for Nina Notify/ }).click();
  await page.getByRole("menuitem", { name: "Notification settings" }).click();
  await expect(page.getByRole("heading", { name: "Notification settings" })).toBeVisible();
  await expect(page.getByText("This server does not send email")).toBeVisible();
  const mentions = page.getByLabel("Mentions");
  await expect(mentions).toHaveValue("instant");
  await expect(page.getByLabel("Links")).toHaveValue("digest");
  await mentions.selectOption("digest");
  await expect(page.getByRole("status").filter({ hasText: "Mentions: daily digest. Saved." })).toBeVisible();
  await page.screenshot({ path: ".reports/mail-settings.png", fullPage: true });
  await page.reload();
  await expect(page.getByLabel("Mentions")).toHaveValue("digest");
  const saved = await (await page.request.get("/api/v1/me/notification-settings")).json();
  expect(saved.delivery.mention).toBe("digest");
});

test("an unsubscribe link asks before it changes anything, then works signed out", async ({ page, browser }) => {
  await signUp(page, "Uma Unsub", uniqueEmail("uma"));
  const me = await (await page.request.get("/api/v1/me")).json();
  const token = signUnsubscribeToken(me.id, "reply");
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/unsubscribe/${token}`);
  await expect(visitor.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await visitor.screenshot({ path: ".reports/mail-unsubscribe.png", fullPage: true });
  // Opening the page changed nothing.
  expect((await (await page.request.get("/api/v1/me/notification-settings")).json()).delivery.reply).toBe("instant");
  await visitor.getByRole("button", { name: "Stop email about replies to your passages and replies" }).click();
  await expect(visitor.getByRole("heading", { name: "Unsubscribed" })).toBeVisible();
  await expect(visitor.getByRole("status")).toContainText("You will no longer receive email about replies");
  await visitor.screenshot({ path: ".reports/mail-unsubscribed.png", fullPage: true });
  expect((await (await page.request.get("/api/v1/me/notification-settings")).json()).delivery.reply).toBe("never");
  await visitor.goto("/unsubscribe/not-a-real-token");
  await expect(visitor.getByRole("heading", { name: "This link has expired" })).toBeVisible();
});

test("without mail the invite dialog shows the link to copy", async ({ page }) => {
  await signUp(page, "Ivo Inviter", uniqueEmail("ivo"));
  const workspaceId = await createWorkspace(page, "Mailless seminar");
  await page.goto(`/workspaces/${workspaceId}/members`);
  await page.getByLabel("Email").fill(uniqueEmail("guest"));
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByLabel("Invitation link")).toHaveValue(/\/invitations\/.+/);
  await expect(page.getByText("Send them this link")).toBeVisible();
  await page.screenshot({ path: ".reports/mail-invite-dialog.png" });
});

import { expect, test } from "@playwright/test";
import { signIn, signOut, signUp, uniqueEmail } from "../support";

test("a new user signs up, signs in, creates a private workspace and invites a colleague; outsiders get 404", async ({
  page,
  browser,
}) => {
  const ownerEmail = uniqueEmail("owner");
  const colleagueEmail = uniqueEmail("colleague");
  const outsiderEmail = uniqueEmail("outsider");

  await signUp(page, "Olive Owner", ownerEmail);
  await expect(page.getByText("No workspaces yet")).toBeVisible();
  await signOut(page);

  await signIn(page, ownerEmail, "wrong password here");
  await expect(page.getByTestId("form-error")).toContainText("do not match");
  await signIn(page, ownerEmail);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  await page.getByLabel("Name").fill("Axis or alignment");
  await page.getByLabel(/Private/).check();
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Axis or alignment" })).toBeVisible();
  await expect(page.getByText("No documents yet")).toBeVisible();
  const workspaceUrl = page.url();

  // The colleague has no account yet: the invitation waits for their sign-up.
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Email").fill(colleagueEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("researcher");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`${colleagueEmail} has no account yet`)).toBeVisible();
  await expect(page.getByText("Pending invitations")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/members.png", fullPage: true });

  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await signUp(colleague, "Cal Colleague", colleagueEmail);
  await expect(colleague.getByRole("link", { name: /Axis or alignment/ })).toBeVisible();
  await colleague.goto(workspaceUrl);
  await expect(colleague.getByText("Researcher", { exact: true })).toBeVisible();
  await colleagueContext.close();

  await page.reload();
  await expect(page.getByTestId("member-row")).toHaveCount(2);

  // Someone outside the workspace: the page and the API both answer 404.
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signUp(outsider, "Otto Outsider", outsiderEmail);
  const response = await outsider.goto(workspaceUrl);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { name: "Not found" })).toBeVisible();
  const workspaceId = workspaceUrl.split("/").pop();
  const api = await outsider.request.get(`/api/v1/workspaces/${workspaceId}`);
  expect(api.status()).toBe(404);
  expect((await api.json()).error.code).toBe("not_found");
  await outsiderContext.close();

  // Signed out, the link leads to sign-in (and back after it): nothing says whether it exists.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(workspaceUrl);
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(visitor.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await anonymous.close();
});

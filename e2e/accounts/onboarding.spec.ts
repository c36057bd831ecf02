import { expect, test } from "@playwright/test";
import { PASSWORD, signIn, signOut, signUp, uniqueEmail } from "../support";

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

  // The colleague has no account yet. The owner gets an accept link to pass on; the answer is the
  // same whether or not an email has an account.
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Email").fill(colleagueEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("researcher");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Invitation created for ${colleagueEmail}`)).toBeVisible();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invitations\/[\w-]{20,}$/);
  await expect(page.getByTestId("invitation-row")).toContainText("waiting for an answer");
  await page.screenshot({ path: "test-results/screens/members.png", fullPage: true });

  // Signed out, the link leads to sign-in, then sign-up, and back to the invitation.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await colleague.goto(link);
  await expect(colleague).toHaveURL(/\/signin\?callbackUrl=%2Finvitations%2F/);
  await colleague.getByRole("link", { name: "Create an account" }).click();
  await colleague.getByLabel("Name").fill("Cal Colleague");
  await colleague.getByLabel("Email").fill(colleagueEmail);
  await colleague.getByLabel("Password").fill(PASSWORD);
  await colleague.getByRole("button", { name: "Create account" }).click();
  await expect(colleague.getByRole("heading", { name: "Join Axis or alignment" })).toBeVisible();
  await expect(colleague.getByText("Olive Owner invites you to this workspace as researcher.")).toBeVisible();
  await colleague.screenshot({ path: "test-results/screens/invitation.png", fullPage: true });
  // Signing up joined nothing by itself.
  expect((await colleague.request.get(workspaceUrl.replace("/workspaces/", "/api/v1/workspaces/"))).status()).toBe(404);
  await colleague.getByRole("button", { name: "Accept the invitation to Axis or alignment" }).click();
  await expect(colleague).toHaveURL(workspaceUrl);
  await expect(colleague.getByText("Researcher", { exact: true })).toBeVisible();
  await colleagueContext.close();

  await page.reload();
  await expect(page.getByTestId("member-row")).toHaveCount(2);
  await expect(page.getByTestId("invitation-row")).toHaveCount(0);

  // Someone with an account finds the invitation on their workspaces page and declines it.
  const declinerContext = await browser.newContext();
  const decliner = await declinerContext.newPage();
  const declinerEmail = uniqueEmail("decliner");
  await signUp(decliner, "Dora Decliner", declinerEmail);
  await page.getByLabel("Email").fill(declinerEmail);
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Invitation created for ${declinerEmail}`)).toBeVisible();
  await decliner.reload();
  await expect(decliner.getByTestId("my-invitation")).toContainText("Olive Owner invites you to Axis or alignment");
  await decliner.screenshot({ path: "test-results/screens/my-invitations.png", fullPage: true });
  await decliner.getByRole("button", { name: "Decline the invitation to Axis or alignment" }).click();
  await expect(decliner.getByTestId("my-invitation")).toHaveCount(0);
  await declinerContext.close();
  await page.reload();
  await expect(page.getByTestId("invitation-row")).toContainText("declined");

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

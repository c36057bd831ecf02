import { expect, test, type Browser } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { PASSWORD, signIn, signOut, signUp, uniqueEmail } from "../support";

// The session cookie as it was, replayed from a fresh context after the browser moved on.
async function meWithCookie(browser: Browser, baseURL: string, cookie: { name: string; value: string }) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseURL }]);
  const status = (await context.request.get("/api/v1/me")).status();
  await context.close();
  return status;
}
const sessionCookie = async (page: import("@playwright/test").Page) =>
  (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;

test("signing out ends the session: the old cookie no longer reads /api/v1/me", async ({ page, browser, baseURL }) => {
  await signUp(page, "Sam Session", uniqueEmail("session"));
  const cookie = await sessionCookie(page);
  expect(await meWithCookie(browser, baseURL!, cookie)).toBe(200);
  await signOut(page);
  expect(await meWithCookie(browser, baseURL!, cookie)).toBe(401);
});

test("sign out everywhere and a password change end the other browsers' sessions", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("everywhere");
  await signUp(page, "Eve Everywhere", email);
  const other = await browser.newPage({ baseURL });
  await signIn(other, email);
  await expect(other.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  const otherCookie = await sessionCookie(other);

  // A password change (from the account menu's page) keeps this browser signed in and signs
  // the other one out. A wrong current password is told at its field first.
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Account and password" }).click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill("another sturdy password");
  await page.getByLabel("New password, again").fill("another sturdy password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Not your current password.")).toBeVisible();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText(/Password changed/);
  await expect(page.getByLabel("Current password")).toHaveValue("");
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  expect(await meWithCookie(browser, baseURL!, otherCookie)).toBe(401);

  await signIn(other, email, "another sturdy password");
  await expect(other.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  const mine = await sessionCookie(page);
  await other.getByRole("button", { name: /Account menu/ }).click();
  await other.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  await expect(other.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect(await meWithCookie(browser, baseURL!, mine)).toBe(401);
  await other.close();
});

test("an active session slides: a cookie a day old is re-issued by the next request, a fresh one is not", async ({
  page,
  browser,
  baseURL,
}) => {
  await signUp(page, "Sid Slide", uniqueEmail("slide"));
  const cookie = await sessionCookie(page);
  const secret = process.env.NEXTAUTH_SECRET!;
  const claims = (await decode({ token: cookie.value, secret }))!;
  for (const stamp of ["iat", "exp", "jti"]) delete claims[stamp];
  const context = await browser.newContext({ baseURL });
  const reissued = async (value: string) => {
    await context.addCookies([{ name: cookie.name, value, url: baseURL! }]);
    const response = await context.request.get("/api/v1/me");
    expect(response.status()).toBe(200);
    return (response.headers()["set-cookie"] ?? "").includes(`${cookie.name}=`);
  };
  // The same session as signed in two days ago: it expires two days early unless re-issued.
  const twoDaysOld = await encode({ token: claims, secret, maxAge: 28 * 24 * 60 * 60 });
  expect(await reissued(twoDaysOld)).toBe(true);
  const renewed = (await context.cookies()).find((candidate) => candidate.name === cookie.name)!;
  expect(renewed.value).not.toBe(twoDaysOld);
  expect(renewed.expires * 1000).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
  expect(await reissued(cookie.value)).toBe(false);
  await context.close();
});

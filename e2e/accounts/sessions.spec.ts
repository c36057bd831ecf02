import { expect, test, type Browser } from "@playwright/test";
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

  // A password change keeps this browser signed in and signs the other one out.
  const changed = await page.request.put("/api/v1/me/password", {
    data: { currentPassword: PASSWORD, newPassword: "another sturdy password" },
  });
  expect(changed.status()).toBe(204);
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

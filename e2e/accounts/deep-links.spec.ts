import { expect, test, type Page } from "@playwright/test";
import { createWorkspace, PASSWORD, signUp, uniqueEmail } from "../support";

const TEXT =
  "A partnership can deepen for years without a treaty.\n\nThe question is whether its habits of cooperation already work like an alliance.";

async function fillSignIn(page: Page, email: string) {
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("links into a private workspace survive sign-in, to the very passage; other origins are refused", async ({
  browser,
  baseURL,
}) => {
  test.slow(); // seven sign-ins in seven browsers
  const owner = await (await browser.newContext()).newPage();
  const email = uniqueEmail("deeplink");
  await signUp(owner, "Dee Linker", email);
  const workspaceId = await createWorkspace(owner, "Deep links");
  const api = owner.request;
  const documentId = (
    await (
      await api.post(`/api/v1/workspaces/${workspaceId}/documents`, { data: { title: "Habits", text: TEXT } })
    ).json()
  ).id as string;
  const annotationId = (
    await (
      await api.post(`/api/v1/documents/${documentId}/annotations`, {
        data: { selectors: [{ type: "TextQuoteSelector", exact: "habits of cooperation" }], body: "The crux." },
      })
    ).json()
  ).id as string;
  const collectionId = (
    await (await api.post(`/api/v1/workspaces/${workspaceId}/collections`, { data: { title: "Crux passages" } })).json()
  ).id as string;

  // Signed out, a passage link leads to sign-in and then to that passage, selected.
  const visitor = await (await browser.newContext()).newPage();
  const passage = `/documents/${documentId}#annotation-${annotationId}`;
  await visitor.goto(passage);
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  await fillSignIn(visitor, email);
  await expect(visitor).toHaveURL(`${baseURL}${passage}`);
  await expect(visitor.locator(`[data-annotation-id="${annotationId}"]`)).toHaveAttribute("aria-current", "true");

  // A collection page, too.
  const other = await (await browser.newContext()).newPage();
  const collectionPath = `/workspaces/${workspaceId}/collections/${collectionId}`;
  await other.goto(collectionPath);
  await expect(other).toHaveURL(/\/signin\?callbackUrl=/);
  await fillSignIn(other, email);
  await expect(other).toHaveURL(`${baseURL}${collectionPath}`);
  await expect(other.getByRole("heading", { name: "Crux passages" })).toBeVisible();

  // Signed in without access, it is a plain 404 (the workspace's existence stays private).
  const stranger = await (await browser.newContext()).newPage();
  await signUp(stranger, "Stray Reader", uniqueEmail("stray"));
  const response = await stranger.goto(passage);
  expect(response?.status()).toBe(404);

  // Sign-in never sends anyone to another origin.
  for (const evil of [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/%2F%2Fevil.example/",
    "%2F%2Fevil.example",
  ]) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
    await fillSignIn(page, email);
    await expect(page).toHaveURL(`${baseURL}/workspaces`);
    await page.context().close();
  }
});

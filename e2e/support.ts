import { randomUUID } from "node:crypto";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";

export const PASSWORD = "a sturdy test password";
export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@e2e.example`;

export async function signUp(page: Page, name: string, email: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

// A signed-up person in a browser context of their own.
export async function person(browser: Browser, name: string): Promise<{ page: Page; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await signUp(page, name, email);
  return { page, email };
}

// Makes `who` a member the one way there is: the owner invites their email and they accept
// (both through the API, as themselves). Returns nothing the tests need: the role is the check.
export async function addMember(owner: Page, workspaceId: string, who: { page: Page; email: string }, role: string) {
  const invited = await owner.request.post(`/api/v1/workspaces/${workspaceId}/members`, {
    data: { email: who.email, role },
  });
  expect(invited.status(), "invite").toBe(201);
  const { invitation } = (await invited.json()) as { invitation: { id: string } };
  const accepted = await who.page.request.post(`/api/v1/me/invitations/${invitation.id}/accept`);
  expect(accepted.status(), "accept").toBe(200);
}

// Creates a workspace through the UI and returns its id.
export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.goto("/workspaces");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return page.url().split("/workspaces/")[1]!.split(/[/?#]/)[0]!;
}

// POSTs JSON as the page's signed-in user, expects `status` and returns the new item's id.
export function poster(page: Page) {
  return async (url: string, data: unknown, status = 201) => {
    const response = await page.request.post(url, { data });
    expect(response.status(), url).toBe(status);
    return ((await response.json()) as { id: string }).id;
  };
}

// Selects text with the mouse, from the first to the last character of `text`, in the reader
// or in another part of the page.
// In the reader, the text itself (the outline above it repeats the headings).
export async function selectWithMouse(page: Page, text: string, within: Locator = page.locator("[data-reader-text]")) {
  const box = await within.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const joined = nodes.map((node) => node.data).join("");
    const at = joined.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the reader`);
    const locate = (offset: number) => {
      let seen = 0;
      for (const node of nodes) {
        if (offset <= seen + node.data.length) return { node, offset: offset - seen };
        seen += node.data.length;
      }
      throw new Error("offset outside the text");
    };
    const range = document.createRange();
    const start = locate(at);
    const end = locate(at + wanted.length);
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    range.startContainer.parentElement!.scrollIntoView({ block: "center" });
    const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
    const first = rects[0]!;
    const last = rects.at(-1)!;
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

// The text covered by one annotation's highlight in the reader (marks name annotations by index).
export async function highlightedText(page: Page, annotationId: string) {
  // After a client-side navigation the reader fetches its marked text: wait for it.
  await expect(page.getByTestId("reader").locator("[data-annotation-ids]")).toBeAttached();
  return page.getByTestId("reader").evaluate((root, id) => {
    const ids = root.querySelector<HTMLElement>("[data-annotation-ids]")!.dataset.annotationIds!.split(" ");
    const position = ids.indexOf(id);
    if (position < 0) return "";
    return Array.from(root.querySelectorAll(`mark[data-a~="${position}"]`), (mark) => mark.textContent).join("");
  }, annotationId);
}

// A PDF's pages as text (PDF.js through unpdf), and whatever in it could run: document
// scripts and link annotations with actions or script URLs.
export async function readPdf(bytes: Uint8Array) {
  const { extractText, getDocumentProxy } = await import("unpdf");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const runnable: string[] = [];
  if (await pdf.getJSActions()) runnable.push("document JavaScript actions");
  for (let number = 1; number <= pdf.numPages; number++) {
    for (const annotation of await (await pdf.getPage(number)).getAnnotations()) {
      if (
        annotation.actions ||
        /^\s*javascript:/i.test(annotation.url ?? "") ||
        annotation.unsafeUrl?.startsWith("javascript")
      )
        runnable.push(`page ${number}: ${annotation.subtype} ${annotation.url ?? ""}`);
    }
  }
  const raw = Buffer.from(bytes).toString("latin1");
  for (const key of ["/JavaScript", "/JS ", "/Launch", "/OpenAction", "/AA ", "/SubmitForm", "/ImportData"])
    if (raw.includes(key)) runnable.push(key);
  return { pages: text.map((page) => page.replace(/\s+/g, " ")), runnable };
}

// Selects `quote` in the reader, annotates it with the Markdown `body`, and returns its card
// (found by the body's text, emphasis markers aside).
export async function annotateSelection(page: Page, quote: string, body: string): Promise<Locator> {
  await selectWithMouse(page, quote);
  await page
    .getByTestId("selection-toolbar")
    .getByRole("button", { name: /Annotate/ })
    .click();
  await page.getByLabel("Comment (Markdown)").fill(body);
  await page.getByRole("button", { name: "Save" }).click();
  const card = page.getByTestId("annotation-card").filter({ hasText: body.replace(/[*_]/g, "") });
  await expect(card).toBeVisible();
  return card;
}

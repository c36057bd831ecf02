import { expect, test } from "@playwright/test";
import { describeQuote } from "../../lib/anchoring/selectors";
import { AXIS_TITLE, readFixture } from "../../tests/fixtures/texts";
import { addMember, createWorkspace, person, signUp, uniqueEmail } from "../support";

const SHOTS = process.env.E2E_SCREENSHOTS_DIR;

test("B mentions A in a reply: A's bell shows it live, opens the reply, and drops to 0", async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await (await browser.newContext()).newPage();
  const bruno = await (await browser.newContext()).newPage();
  const brunoEmail = uniqueEmail("bruno");
  await signUp(bruno, "Bruno Brandt", brunoEmail);
  await signUp(alice, "Alice Amara", uniqueEmail("alice"));
  const workspaceId = await createWorkspace(alice, "Axis or not");
  await addMember(alice, workspaceId, { page: bruno, email: brunoEmail }, "researcher");
  const text = readFixture("axis");
  const imported = await alice.request.post(`/api/v1/workspaces/${workspaceId}/documents`, {
    data: { title: "Lin 2023", text },
  });
  const documentId = ((await imported.json()) as { id: string }).id;
  const annotated = await alice.request.post(`/api/v1/documents/${documentId}/annotations`, {
    data: { selectors: describeQuote(text.trim(), AXIS_TITLE), body: "The framing to argue over." },
  });
  expect(annotated.status()).toBe(201);
  const annotationId = ((await annotated.json()) as { id: string }).id;

  // Alice is elsewhere, with nothing unread.
  await alice.goto(`/workspaces/${workspaceId}`);
  const bell = alice.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toHaveAccessibleName("Notifications, 0 unread");

  // Bruno opens the passage and mentions her, picking her from the suggestions by keyboard.
  await bruno.goto(`/documents/${documentId}#annotation-${annotationId}`);
  const card = bruno.getByTestId("annotation-card");
  const composer = card.getByLabel("Reply to the thread");
  await composer.click();
  await composer.pressSequentially("I disagree, @Ali");
  const suggestions = bruno.getByRole("listbox", { name: "Members to mention" });
  await expect(suggestions.getByRole("option")).toHaveText([/Alice Amara/]);
  await expect(composer).toHaveAttribute("aria-expanded", "true");
  if (SHOTS) await bruno.screenshot({ path: `${SHOTS}/mention-autocomplete.png` });
  await composer.press("ArrowDown");
  await composer.press("Enter");
  await expect(composer).toHaveValue("I disagree, @AliceAmara ");
  await expect(suggestions).toBeHidden();
  await composer.pressSequentially("an axis needs no treaty.");
  await card.locator("label", { hasText: "Opposes" }).click();
  await card.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(card.getByTestId("reply")).toContainText("an axis needs no treaty");

  // Alice's bell counts it without a reload.
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await expect(alice.getByTestId("notification-count")).toHaveText("1");
  if (SHOTS) await alice.screenshot({ path: `${SHOTS}/bell-unread.png` });
  await bell.click();
  const popover = alice.getByRole("dialog", { name: "Latest notifications" });
  const item = popover.getByRole("link", { name: /Bruno Brandt mentioned you in Lin 2023/ });
  await expect(item).toBeVisible();
  if (SHOTS) await alice.screenshot({ path: `${SHOTS}/bell-popover.png` });

  // Clicking opens the document at the passage, with the reply in view and marked.
  await item.click();
  await expect(alice).toHaveURL(new RegExp(`/documents/${documentId}\\?reply=.+#annotation-${annotationId}$`));
  const reply = alice.getByTestId("reply").filter({ hasText: "an axis needs no treaty" });
  await expect(reply).toHaveAttribute("data-linked", "true");
  await expect(reply).toBeInViewport();
  await expect(bell).toHaveAccessibleName("Notifications, 0 unread");
  await expect(alice.getByTestId("notification-count")).toHaveCount(0);
  if (SHOTS) await alice.screenshot({ path: `${SHOTS}/reply-opened.png` });

  // The page lists it under "Today", read.
  await alice.goto("/notifications");
  const today = alice.getByRole("region", { name: "Today" });
  await expect(today.getByTestId("notification")).toHaveCount(1);
  await expect(today.getByTestId("notification")).not.toHaveAttribute("data-unread", "true");
  if (SHOTS) await alice.screenshot({ path: `${SHOTS}/notifications-page.png`, fullPage: true });

  // Bruno was told of his invitation; someone new has an empty page.
  await bruno.goto("/notifications");
  await expect(bruno.getByTestId("notification")).toHaveText([/Alice Amara invited you to Axis or not as researcher/]);
  const carol = await person(browser, "Carol Chen");
  await carol.page.goto("/notifications");
  await expect(carol.page.getByRole("heading", { name: "No notifications yet" })).toBeVisible();
  if (SHOTS) await carol.page.screenshot({ path: `${SHOTS}/notifications-empty.png` });
});

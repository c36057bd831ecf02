import { expect, test, type Page } from "@playwright/test";
import { XSS_PAYLOADS } from "../../tests/support/xss-payloads";
import { createWorkspace, readPdf, signUp, uniqueEmail } from "../support";

// Live markup anywhere in the page's content: handlers, script URLs, embedded documents,
// inline scripts outside the framework's own.
async function liveMarkup(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector("main") ?? document.body;
    const found: string[] = [];
    for (const element of Array.from(main.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
        if (
          /^(href|src|action|formaction|xlink:href)$/i.test(attribute.name) &&
          /^\s*(javascript|vbscript|data):/i.test(attribute.value)
        )
          found.push(`${element.tagName} ${attribute.name}=${attribute.value.slice(0, 20)}`);
      }
    }
    for (const element of Array.from(
      main.querySelectorAll("script, iframe, object, embed, base, meta, link, style, form[action^='javascript' i]"),
    ))
      found.push(element.tagName);
    return found;
  });
}

test(`${XSS_PAYLOADS.length} XSS payloads in titles, bodies, tags, replies, links, claims and imported HTML stay inert everywhere`, async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() =>
    Object.defineProperty(window, "__xss", {
      set: () => document.documentElement.setAttribute("data-xss-ran", "1"),
      configurable: true,
    }),
  );
  await signUp(page, "Xena Tester", uniqueEmail("xss"));
  const workspaceId = await createWorkspace(page, "Hostile input");
  const post = async (url: string, data: unknown) => {
    const response = await page.request.post(url, { data });
    expect(response.status(), `${url} ${JSON.stringify(data).slice(0, 80)}`).toBeLessThan(300);
    return (await response.json()) as { id: string };
  };
  const text = XSS_PAYLOADS.join("\n\n");
  const plain = await post(`/api/v1/workspaces/${workspaceId}/documents`, {
    title: XSS_PAYLOADS[0],
    authors: [XSS_PAYLOADS[3]],
    text,
  });
  const html = await post(`/api/v1/workspaces/${workspaceId}/documents`, {
    html: `<html><head><title>${XSS_PAYLOADS[4]}</title><script>window.__xss=1</script></head><body><article><h1>Imported</h1>${XSS_PAYLOADS.map((payload) => `<p>${payload} text around it.</p>`).join("")}</article></body></html>`,
  });
  const annotationIds: string[] = [];
  for (const [index, payload] of XSS_PAYLOADS.entries()) {
    const tag = payload.replace(/[,#\s]/g, "").slice(0, 50) || "tag";
    annotationIds.push(
      (
        await post(`/api/v1/documents/${plain.id}/annotations`, {
          selectors: [{ type: "TextQuoteSelector", exact: XSS_PAYLOADS[index]!.split("\n")[0]! }],
          body: payload,
          tags: [tag],
        })
      ).id,
    );
  }
  for (const payload of XSS_PAYLOADS)
    await post(`/api/v1/annotations/${annotationIds[0]}/replies`, { body: payload, stance: "opposes" });
  const linked = await post("/api/v1/links", {
    fromAnnotationId: annotationIds[1],
    toAnnotationId: annotationIds[0],
    relation: "contradicts",
    rationale: XSS_PAYLOADS.slice(0, 10).join(" "),
  });
  await post(`/api/v1/links/${linked.id}/replies`, { body: XSS_PAYLOADS[12], stance: "asks" });
  const claim = await post(`/api/v1/workspaces/${workspaceId}/claims`, { title: XSS_PAYLOADS[13] });
  await post(`/api/v1/claims/${claim.id}/passages`, { annotationId: annotationIds[2], stance: "supports" });
  const collection = await post(`/api/v1/workspaces/${workspaceId}/collections`, {
    title: XSS_PAYLOADS[14],
    description: XSS_PAYLOADS.join("\n\n"),
  });
  await post(`/api/v1/collections/${collection.id}/items`, {
    type: "annotation",
    id: annotationIds[0],
    note: XSS_PAYLOADS[15],
  });
  await post(`/api/v1/collections/${collection.id}/items`, { type: "link", id: linked.id, note: XSS_PAYLOADS[16] });

  const visit = async (url: string, then?: () => Promise<void>) => {
    const response = await page.goto(url);
    // Scripts only with this response's nonce; no framing; no sniffing.
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(
      /script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/,
    );
    expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await page.waitForLoadState("networkidle");
    if (then) await then();
    expect(await liveMarkup(page), url).toEqual([]);
  };
  await visit(`/documents/${plain.id}#annotation-${annotationIds[0]}`, async () => {
    await expect(page.getByTestId("thread")).toBeVisible();
    await expect(page.getByTestId("reply")).toHaveCount(XSS_PAYLOADS.length);
    // The link's thread opens on "Discuss"; a click that lands before the card is interactive
    // is lost (seen in CI), so click again only while the thread is still closed.
    const linkReplies = page.getByTestId("passage-link").getByTestId("reply");
    await expect(async () => {
      if ((await linkReplies.count()) === 0)
        await page
          .getByTestId("passage-link")
          .getByRole("button", { name: /Discuss/ })
          .click();
      await expect(linkReplies).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  });
  await visit(`/documents/${html.id}`);
  await visit(`/workspaces/${workspaceId}`);
  await visit(`/workspaces/${workspaceId}/compare?left=${plain.id}&right=${html.id}`);
  await visit(`/workspaces/${workspaceId}/map`, async () => {
    await expect(page.getByTestId("debate-map")).toHaveAttribute("data-edges", "1");
    await page.getByText("The links as a list").click();
  });
  await visit(`/workspaces/${workspaceId}/claims`);
  await visit(`/workspaces/${workspaceId}/search?q=alert`);
  await visit(`/workspaces/${workspaceId}/moderation`);
  await visit(`/workspaces/${workspaceId}/collections`);
  await visit(`/workspaces/${workspaceId}/collections/${collection.id}`, async () => {
    await expect(page.getByTestId("collection-item")).toHaveCount(2);
  });

  // The HTML export, opened as a page, is just as inert.
  const exported = await (await page.request.get(`/api/v1/workspaces/${workspaceId}/export?format=html`)).text();
  await page.goto("about:blank");
  await page.setContent(exported);
  await expect(page.locator("blockquote").first()).toBeVisible();
  expect(await liveMarkup(page), "HTML export").toEqual([]);

  // The PDF export prints the payloads as text and carries nothing that could run.
  for (const url of [
    `/api/v1/workspaces/${workspaceId}/export?format=pdf`,
    `/api/v1/collections/${collection.id}/export?format=pdf`,
  ]) {
    const pdf = await page.request.get(url);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const { pages, runnable } = await readPdf(await pdf.body());
    expect(runnable, url).toEqual([]);
    expect(pages.join(" "), url).toContain("<script>");
  }
  // So is the collection's HTML export, with its introduction and notes.
  await page.setContent(
    await (await page.request.get(`/api/v1/collections/${collection.id}/export?format=html`)).text(),
  );
  await expect(page.locator("blockquote").first()).toBeVisible();
  expect(await liveMarkup(page), "collection HTML export").toEqual([]);

  expect(dialogs).toEqual([]);
  expect(await page.locator("html").getAttribute("data-xss-ran")).toBeNull();
});

test("cookie-authenticated writes from other sites are refused (CSRF), and the session cookie is HttpOnly and SameSite", async ({
  page,
  baseURL,
}) => {
  await signUp(page, "Cora Csrf", uniqueEmail("csrf"));
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe("Lax");
  const create = (headers: Record<string, string>) =>
    page.request.post("/api/v1/workspaces", { data: { name: "Forged" }, headers });
  expect((await create({ Origin: "https://evil.example" })).status()).toBe(403);
  expect((await create({ "Sec-Fetch-Site": "cross-site" })).status()).toBe(403);
  expect((await create({ Origin: "null" })).status()).toBe(403);
  // The request cannot vouch for its own host, and a write must say where it comes from.
  expect((await create({ Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" })).status()).toBe(403);
  // A script replaying the cookie (Node's fetch sends neither Origin nor Sec-Fetch-Site).
  const bare = await fetch(`${baseURL}/api/v1/workspaces`, {
    method: "POST",
    headers: { cookie: `${session.name}=${session.value}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Forged" }),
  });
  expect(bare.status).toBe(403);
  expect((await create({ Origin: new URL(baseURL!).origin })).status()).toBe(201);
});

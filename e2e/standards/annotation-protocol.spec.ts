import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { WEB_ANNOTATION_SCHEMA } from "../../tests/support/web-annotation-schema";
import { addMember, person } from "../support";

// A conformance walk of the W3C Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/)
// against the running app, with personal tokens: every server MUST the protocol states for the
// container and its annotations, the Data Model's MUSTs over what is served, and the workspace's
// roles and moderation rules. Text written for this test.

const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const PAGE_SIZE = 20;
const TEXT =
  "The ferry timetable changed in spring. Fewer crossings ran at night, and the harbour master blamed the fuel price. " +
  "Traders on the quay disagreed: they said the crossings were cut to make room for cargo.";
const SOURCE_URL = "https://news.example/ferry-timetable";
const WEB_PAGE = "https://blog.example/posts/quay-traders";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateCollection = ajv.compile(WEB_ANNOTATION_SCHEMA);
const validateAnnotation = ajv.getSchema(`${WEB_ANNOTATION_SCHEMA.$id}#/definitions/annotation`)!;

function expectAnnotationModel(annotation: unknown) {
  expect(validateAnnotation(annotation), JSON.stringify(validateAnnotation.errors)).toBe(true);
}
function expectProtocolHeaders(response: APIResponse, kind: "container" | "annotation") {
  const headers = response.headers();
  expect(headers["content-type"]).toBe(ANNO);
  expect(headers["vary"]).toContain("Accept");
  expect(headers["etag"]).toMatch(/^"[^"]+"$/);
  expect(headers["link"]).toContain(
    '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
  );
  if (kind === "container") {
    expect(headers["link"]).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    expect(headers["allow"]!.split(/,\s*/).sort()).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(headers["accept-post"]).toContain("application/ld+json");
  } else {
    expect(headers["link"]).toContain('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(headers["allow"]!.split(/,\s*/).sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PUT"]);
  }
}

test("the workspace is a W3C Web Annotation container: every MUST, per role", async ({ browser, request, baseURL }) => {
  test.setTimeout(240_000);
  const owner = await person(browser, "Wren Owner");
  const researcher = await person(browser, "Rui Researcher");
  const viewer = await person(browser, "Vida Viewer");
  const outsider = await person(browser, "Otto Outsider");
  const created = await owner.page.request.post("/api/v1/workspaces", { data: { name: "Protocol" } });
  const workspaceId = ((await created.json()) as { id: string }).id;
  await addMember(owner.page, workspaceId, researcher, "researcher");
  await addMember(owner.page, workspaceId, viewer, "viewer");
  const tokenOf = async (who: { page: typeof owner.page }) =>
    ((await (await who.page.request.post("/api/v1/tokens", { data: { name: "w3c" } })).json()) as { token: string })
      .token;
  const [ownerToken, researcherToken, viewerToken, outsiderToken] = (await Promise.all(
    [owner, researcher, viewer, outsider].map(tokenOf),
  )) as [string, string, string, string];
  const documentResponse = await owner.page.request.post(`/api/v1/workspaces/${workspaceId}/documents`, {
    data: { title: "Ferry timetable", text: TEXT, sourceUrl: SOURCE_URL },
  });
  expect(documentResponse.status()).toBe(201);
  const documentId = ((await documentResponse.json()) as { id: string }).id;

  const container = `${baseURL}/api/annotations/${workspaceId}/`;
  const as = (token: string | null, headers: Record<string, string> = {}) => ({
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    maxRedirects: 0,
  });
  const send = (api: APIRequestContext, method: string, url: string, token: string | null, init: object = {}) =>
    api.fetch(url, { method, ...as(token), ...init });
  const post = (token: string, annotation: object) =>
    request.post(container, { ...as(token, { "Content-Type": ANNO }), data: annotation });
  const quoteOf = (exact: string) => ({
    type: "Annotation",
    body: [{ type: "TextualBody", value: `On “${exact}”`, format: "text/markdown" }],
    target: { source: `${baseURL}/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact } },
  });

  // The container IRI keeps its trailing slash (no redirect); without it, a 308 to it. Pages keep Next's redirect.
  const withoutSlash = await request.get(container.slice(0, -1), as(ownerToken));
  expect(withoutSlash.status()).toBe(308);
  expect(new URL(withoutSlash.headers()["location"]!, baseURL).href).toBe(container);
  const workspacesSlash = await request.get(`${baseURL}/workspaces/`, { maxRedirects: 0 });
  expect(workspacesSlash.status()).toBe(308);
  expect(new URL(workspacesSlash.headers()["location"]!, baseURL).pathname).toBe("/workspaces");

  // An empty container: GET (also for Accept: */*), HEAD, OPTIONS.
  for (const accept of [undefined, "*/*", "application/ld+json"]) {
    const empty = await request.get(container, as(viewerToken, accept ? { Accept: accept } : {}));
    expect(empty.status()).toBe(200);
    expectProtocolHeaders(empty, "container");
    expect(empty.headers()["content-location"]).toBe(container);
    const body = await empty.json();
    expect(body).toMatchObject({ id: container, total: 0 });
    expect(body["@context"]).toContain("http://www.w3.org/ns/anno.jsonld");
    expect(body.type).toEqual(expect.arrayContaining(["BasicContainer", "AnnotationCollection"]));
  }
  const head = await send(request, "HEAD", container, viewerToken);
  expect(head.status()).toBe(200);
  expectProtocolHeaders(head, "container");
  expect(await head.text()).toBe("");
  const options = await send(request, "OPTIONS", container, viewerToken);
  expect(options.status()).toBe(200);
  expect(options.headers()["allow"]).toContain("POST");
  expect(options.headers()["accept-post"]).toContain("application/ld+json");

  // POST: 201, Location = container IRI + one segment, the body, ETag; canonical kept, the client's id as via.
  const first = await post(researcherToken, {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: "urn:uuid:5e1a0f6c-0000-4000-8000-000000000001",
    canonical: "urn:uuid:5e1a0f6c-0000-4000-8000-00000000000c",
    ...quoteOf("Fewer crossings ran at night"),
    body: [
      { type: "TextualBody", value: "Night crossings *cut*", format: "text/markdown" },
      { type: "TextualBody", value: "ferries", purpose: "tagging" },
    ],
  });
  expect(first.status(), await first.text()).toBe(201);
  expectProtocolHeaders(first, "annotation");
  const location = first.headers()["location"]!;
  expect(location.startsWith(container)).toBe(true);
  expect(location.slice(container.length)).toMatch(/^[^/?#]+$/);
  const firstBody = await first.json();
  expectAnnotationModel(firstBody);
  expect(firstBody).toMatchObject({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: location,
    type: "Annotation",
    canonical: "urn:uuid:5e1a0f6c-0000-4000-8000-00000000000c",
    via: "urn:uuid:5e1a0f6c-0000-4000-8000-000000000001",
    target: { source: `${baseURL}/documents/${documentId}` },
  });
  expect(firstBody.created).toBeTruthy();
  expect(firstBody.body).toContainEqual({ type: "TextualBody", value: "ferries", purpose: "tagging" });
  const start = TEXT.indexOf("Fewer crossings");
  expect(firstBody.target.selector).toContainEqual({ type: "TextPositionSelector", start, end: start + 28 });

  // By the document's sourceUrl: a passage of that document, seen in the app's own API.
  const bySource = await post(researcherToken, {
    ...quoteOf("the harbour master blamed the fuel price"),
    target: {
      source: SOURCE_URL,
      selector: [{ type: "TextQuoteSelector", exact: "the harbour master blamed the fuel price" }],
    },
  });
  expect(bySource.status()).toBe(201);
  const bySourceId = (await bySource.json()).id.slice(container.length);
  const listed = await request.get(`/api/v1/documents/${documentId}/annotations`, as(viewerToken));
  expect(((await listed.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toContain(bySourceId);

  // Any other IRI: the workspace's web source for that page, not a listed document.
  const onWeb = await post(researcherToken, {
    ...quoteOf("cut to make room for cargo"),
    target: {
      source: WEB_PAGE,
      selector: { type: "TextQuoteSelector", exact: "a quote on the web page", prefix: "says " },
    },
  });
  expect(onWeb.status()).toBe(201);
  const onWebBody = await onWeb.json();
  expectAnnotationModel(onWebBody);
  expect(onWebBody.target).toEqual({
    source: WEB_PAGE,
    selector: [{ type: "TextQuoteSelector", exact: "a quote on the web page", prefix: "says " }],
  });
  const documents = await request.get(`/api/v1/workspaces/${workspaceId}/documents`, as(viewerToken));
  expect(((await documents.json()) as { items: unknown[] }).items).toHaveLength(1);

  // Enough annotations for three pages.
  const ids = [location, (await bySource.json()).id as string, onWebBody.id as string];
  for (let index = 0; ids.length < PAGE_SIZE * 2 + 3; index += 1) {
    const response = await post(
      ownerToken,
      quoteOf(index % 2 ? "Traders on the quay disagreed" : "The ferry timetable"),
    );
    expect(response.status()).toBe(201);
    ids.push((await response.json()).id);
  }

  // Paging: first → next → … → last, partOf, startIndex, prev; every annotation once, valid by the model.
  async function walk(token: string, iris = false) {
    const response = await request.get(
      container,
      as(token, iris ? { Prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"' } : {}),
    );
    expectProtocolHeaders(response, "container");
    const collection = await response.json();
    if (!iris) expect(validateCollection(collection), JSON.stringify(validateCollection.errors)).toBe(true);
    const seen: string[] = [];
    let page = collection.first;
    let index = 0;
    for (;;) {
      expect(page.type).toBe("AnnotationPage");
      expect(page.startIndex).toBe(index * PAGE_SIZE);
      if (index > 0) expect(page.prev).toBeTruthy();
      for (const item of page.items) {
        if (iris) expect(typeof item).toBe("string");
        else expectAnnotationModel(item);
        seen.push(iris ? item : item.id);
      }
      if (!page.next) break;
      const next = await request.get(page.next, as(token));
      expect(next.status()).toBe(200);
      expect(next.headers()["content-type"]).toBe(ANNO);
      expect(next.headers()["etag"]).toBeTruthy();
      page = await next.json();
      expect(page.partOf).toMatchObject({ id: container, total: collection.total });
      index += 1;
    }
    expect(page.id).toBe(collection.last);
    return { collection, seen, pages: index + 1 };
  }
  const walked = await walk(viewerToken);
  expect(walked.pages).toBe(3);
  expect(walked.collection.total).toBe(ids.length);
  expect(walked.seen.sort()).toEqual([...ids].sort());
  const byIris = await walk(viewerToken, true);
  expect(byIris.seen.sort()).toEqual([...ids].sort());
  const minimal = await request.get(
    container,
    as(viewerToken, { Prefer: 'return=representation; include="http://www.w3.org/ns/ldp#PreferMinimalContainer"' }),
  );
  expect(minimal.headers()["preference-applied"]).toBe("return=representation");
  const minimalBody = await minimal.json();
  expect(typeof minimalBody.first).toBe("string");
  expect(typeof minimalBody.last).toBe("string");
  expect(JSON.stringify(minimalBody)).not.toContain('"items"');
  expect((await request.get(`${container}?page=3`, as(viewerToken))).status()).toBe(404);

  // The annotation: GET, HEAD, OPTIONS.
  const got = await request.get(location, as(viewerToken, { Accept: "*/*" }));
  expect(got.status()).toBe(200);
  expectProtocolHeaders(got, "annotation");
  expect(got.headers()["content-location"]).toBe(location);
  const etag = got.headers()["etag"]!;
  expectAnnotationModel(await got.json());
  const headAnnotation = await send(request, "HEAD", location, viewerToken);
  expect(headAnnotation.status()).toBe(200);
  expect(headAnnotation.headers()["etag"]).toBe(etag);
  expect((await send(request, "OPTIONS", location, viewerToken)).headers()["allow"]).toContain("PUT");

  // PUT with If-Match: the new version and ETag; a stale ETag is 412; the canonical never changes.
  const changed = {
    ...firstBody,
    canonical: "urn:other",
    body: [{ type: "TextualBody", value: "Night crossings were cut" }],
  };
  const viewerPut = await request.put(location, { ...as(viewerToken, { "If-Match": etag }), data: changed });
  expect(viewerPut.status()).toBe(403);
  const put = await request.put(location, {
    ...as(researcherToken, { "If-Match": etag, "Content-Type": ANNO }),
    data: changed,
  });
  expect(put.status(), await put.text()).toBe(200);
  expectProtocolHeaders(put, "annotation");
  const newTag = put.headers()["etag"]!;
  expect(newTag).not.toBe(etag);
  const putBody = await put.json();
  expect(putBody.body).toEqual([{ type: "TextualBody", value: "Night crossings were cut", format: "text/markdown" }]);
  expect(putBody.canonical).toBe("urn:uuid:5e1a0f6c-0000-4000-8000-00000000000c");
  const stale = await request.put(location, { ...as(researcherToken, { "If-Match": etag }), data: changed });
  expect(stale.status()).toBe(412);
  expect((await stale.json()).error.code).toBe("precondition_failed");
  expect((await request.get(location, as(viewerToken))).headers()["etag"]).toBe(newTag);

  // DELETE: a stale If-Match is 412; then 204, the annotation is gone, and gone from every page.
  expect((await request.delete(location, as(researcherToken, { "If-Match": etag }))).status()).toBe(412);
  expect((await request.delete(location, as(viewerToken))).status()).toBe(403);
  expect((await request.delete(location, as(researcherToken, { "If-Match": newTag }))).status()).toBe(204);
  expect((await request.get(location, as(researcherToken))).status()).toBe(404);
  const afterDelete = await walk(viewerToken);
  expect(afterDelete.collection.total).toBe(ids.length - 1);
  expect(afterDelete.seen).not.toContain(location);

  // Roles: a viewer cannot POST; a stranger to this private workspace finds nothing there.
  expect((await post(viewerToken, quoteOf("The ferry timetable"))).status()).toBe(403);
  expect((await request.get(container, as(outsiderToken))).status()).toBe(404);
  expect((await post(outsiderToken, quoteOf("The ferry timetable"))).status()).toBe(404);
  expect((await request.get(ids[1]!, as(outsiderToken))).status()).toBe(404);
  expect((await request.get(container, as(null))).status()).toBeGreaterThanOrEqual(401);

  // Moderation: a hidden annotation is served to moderators only.
  const hidden = ids[1]!;
  const hide = await owner.page.request.post("/api/v1/moderation/actions", {
    data: { targetType: "annotation", targetId: hidden.slice(container.length), action: "hide", reason: "off topic" },
  });
  expect(hide.status(), await hide.text()).toBe(201);
  expect((await request.get(hidden, as(viewerToken))).status()).toBe(404);
  expect((await request.get(hidden, as(ownerToken))).status()).toBe(200);
  expect((await walk(viewerToken)).seen).not.toContain(hidden);
  expect((await walk(ownerToken)).seen).toContain(hidden);

  // Bad input is a 4xx with the error envelope.
  const bad = await post(researcherToken, { type: "Annotation" });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("invalid_input");

  // The web sources page lists the page by URL with its quote; importing the page moves the
  // annotation onto the new document (its target becomes the document), and the web source goes.
  await owner.page.goto(`/workspaces/${workspaceId}/web-sources`);
  const sources = owner.page.getByRole("list", { name: "Web sources" });
  await expect(sources.getByRole("link", { name: WEB_PAGE })).toBeVisible();
  await expect(sources.getByText("a quote on the web page")).toBeVisible();
  await owner.page.screenshot({ path: "test-results/web-sources.png", fullPage: true });
  const imported = await owner.page.request.post(`/api/v1/workspaces/${workspaceId}/documents`, {
    data: { title: "Quay traders", text: "The blog says a quote on the web page is all it has.", sourceUrl: WEB_PAGE },
  });
  expect(imported.status()).toBe(201);
  const importedId = ((await imported.json()) as { id: string }).id;
  const movedAnnotation = await (await request.get(onWebBody.id, as(viewerToken))).json();
  expect(movedAnnotation.target.source).toBe(`${baseURL}/documents/${importedId}`);
  expect(movedAnnotation.target.selector).toContainEqual({ type: "TextPositionSelector", start: 14, end: 37 });
  await owner.page.reload();
  await expect(owner.page.getByText("No web sources yet")).toBeVisible();
});

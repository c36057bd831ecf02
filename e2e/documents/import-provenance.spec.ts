import { expect, test } from "@playwright/test";
import { createWorkspace, person } from "../support";

const TEXT = "Files can claim anything. A passage quoted from an old file keeps its words, not its author.";
const QUOTE = "keeps its words";

// A JSON file naming someone else, dated 2019: the importer is the author, the file is quoted.
test("an imported passage and reply are the importer's, and show who the file says wrote them", async ({ browser }) => {
  const owner = await person(browser, "Ivy Importer");
  const workspaceId = await createWorkspace(owner.page, "Imported debate");
  const start = TEXT.indexOf(QUOTE);
  const file = {
    format: "counterpoint-workspace/1",
    title: "Old workspace",
    documents: [
      {
        ref: "d1",
        title: "Quoted file",
        authors: [],
        publishedAt: null,
        sourceUrl: null,
        text: TEXT,
        annotations: [
          {
            ref: "a1",
            start,
            end: start + QUOTE.length,
            quote: QUOTE,
            body: "Words travel.",
            tags: [],
            color: null,
            creator: { id: "someone-else", name: "Ada Original" },
            status: "visible",
            createdAt: "2019-05-01T10:00:00.000Z",
            replies: [
              {
                ref: "r1",
                author: { id: "another", name: "Ben Original" },
                stance: "supports",
                body: "Authors do not.",
                status: "visible",
                createdAt: "2019-05-02T10:00:00.000Z",
                replies: [],
              },
            ],
          },
        ],
      },
    ],
    links: [],
  };
  const imported = await owner.page.request.post(`/api/v1/workspaces/${workspaceId}/imports`, { data: file });
  expect(imported.status()).toBe(201);
  const documents = (await (await owner.page.request.get(`/api/v1/workspaces/${workspaceId}/documents`)).json()) as {
    items: { id: string }[];
  };
  const documentId = documents.items[0]!.id;
  const annotations = (await (await owner.page.request.get(`/api/v1/documents/${documentId}/annotations`)).json()) as {
    items: { id: string }[];
  };
  await owner.page.goto(`/documents/${documentId}#annotation-${annotations.items[0]!.id}`);
  const card = owner.page.getByTestId("annotation-card").first();
  await expect(card).toContainText("Ivy Importer");
  // The passage's own provenance comes first; its open thread shows the reply's below.
  await expect(card.getByTestId("provenance").first()).toHaveText("Originally by Ada Original, 2019");
  await expect(card).not.toContainText("2019-05-01");
  const reply = owner.page.locator("[data-reply-id]").first();
  await expect(reply).toContainText("Ivy Importer");
  await expect(reply.getByTestId("provenance")).toHaveText("Originally by Ben Original, 2019");
  await owner.page.screenshot({ path: "test-results/screens/import-provenance.png", fullPage: true });
});

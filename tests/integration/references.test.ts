import { describe, expect, it } from "vitest";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as collections from "@/app/api/v1/workspaces/[id]/collections/route";
import * as collectionItems from "@/app/api/v1/collections/[id]/items/route";
import * as collectionExport from "@/app/api/v1/collections/[id]/export/route";
import * as workspaceExport from "@/app/api/v1/workspaces/[id]/export/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { call, expectError, makeUser } from "../support/api";

const RIVERS =
  "Rivers Without Borders\n\nThe upper valley feeds three towns, and each keeps its own count of the water.";
const HARBOUR = "Harbour Notes\n\nThe tide tables disagree, as they always have, about the east wind and the turn.";
const HERONS = "Counting Herons\n\nHerons were counted along the bank each morning of the winter.";

async function library() {
  const owner = await makeUser("refs-owner");
  const workspaceId = (
    await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Reference shelf" } })
  ).body.id as string;
  const add = async (body: object) =>
    (await call(documents.POST, { method: "POST", token: owner.token, params: { id: workspaceId }, body })).body as {
      id: string;
    };
  const rivers = await add({
    title: "Rivers Without Borders",
    text: RIVERS,
    authors: ["Mara Ellison"],
    publishedAt: "2024-03-14",
  });
  const harbour = await add({
    title: "Harbour Notes",
    text: HARBOUR,
    authors: ["Ines Carvalho", "Lund, Oskar"],
    publishedAt: "2022-06",
    sourceUrl: "https://tideline.example/harbour-notes",
  });
  await add({ title: "Counting Herons", text: HERONS });
  const annotate = async (documentId: string, text: string, quote: string) =>
    (
      await call(annotations.POST, {
        method: "POST",
        token: owner.token,
        params: { id: documentId },
        body: { selectors: describeQuote(text, quote)!, body: "Noted." },
      })
    ).body.id as string;
  const riversPassage = await annotate(rivers.id, RIVERS, "feeds three towns");
  await annotate(harbour.id, HARBOUR, "The tide tables disagree");
  return { owner, workspaceId, rivers, harbour, riversPassage };
}

const exportOf = (token: string, id: string, query: string, handler = workspaceExport.GET) =>
  call(handler, { token, params: { id }, path: `/x?${query}` });

describe("references", () => {
  it("exports a workspace's documents as BibTeX, CSL-JSON and RIS that read back with their details", async () => {
    const { owner, workspaceId } = await library();

    const bibtex = await exportOf(owner.token, workspaceId, "format=bibtex");
    expect(bibtex.status).toBe(200);
    expect(bibtex.headers.get("content-type")).toContain("application/x-bibtex");
    expect(bibtex.headers.get("content-disposition")).toContain(".bib");
    const fromBibtex = new Cite(bibtex.body as string).data;
    expect(fromBibtex).toHaveLength(3);
    const rivers = fromBibtex.find((item) => item.title === "Rivers Without Borders")!;
    expect(rivers.author).toEqual([{ family: "Ellison", given: "Mara" }]);
    expect((rivers.issued as { "date-parts": number[][] })["date-parts"][0]![0]).toBe(2024);
    const harbour = fromBibtex.find((item) => item.title === "Harbour Notes")!;
    expect(harbour.author).toEqual([
      { family: "Carvalho", given: "Ines" },
      { family: "Lund", given: "Oskar" },
    ]);
    expect(harbour.URL).toBe("https://tideline.example/harbour-notes");

    const ris = await exportOf(owner.token, workspaceId, "format=ris");
    expect(ris.headers.get("content-type")).toContain("application/x-research-info-systems");
    const fromRis = new Cite(ris.body as string, { forceType: "@ris/file" }).data;
    expect(fromRis.map((item) => item.title).sort()).toEqual([
      "Counting Herons",
      "Harbour Notes",
      "Rivers Without Borders",
    ]);
    const harbourRis = fromRis.find((item) => item.title === "Harbour Notes")!;
    expect(harbourRis.author).toEqual([
      { family: "Carvalho", given: "Ines" },
      { family: "Lund", given: "Oskar" },
    ]);
    expect((harbourRis.issued as { "date-parts": number[][] })["date-parts"][0]!.slice(0, 2)).toEqual([2022, 6]);

    const csl = await exportOf(owner.token, workspaceId, "format=csl-json");
    expect(csl.headers.get("content-type")).toContain("application/vnd.citationstyles.csl+json");
    const items = csl.body as Array<Record<string, unknown>>;
    expect(items.find((item) => item.title === "Rivers Without Borders")).toMatchObject({
      author: [{ family: "Ellison", given: "Mara" }],
      issued: { "date-parts": [[2024, 3, 14]] },
    });
    // A month is a month: no invented day.
    expect(items.find((item) => item.title === "Harbour Notes")).toMatchObject({
      issued: { "date-parts": [[2022, 6]] },
    });
    expect(items.find((item) => item.title === "Counting Herons")).not.toHaveProperty("author");
  });

  it("exports a collection's cited documents only, to those who may export it", async () => {
    const { owner, workspaceId, riversPassage } = await library();
    const collectionId = (
      await call(collections.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title: "Rivers only" },
      })
    ).body.id as string;
    await call(collectionItems.POST, {
      method: "POST",
      token: owner.token,
      params: { id: collectionId },
      body: { type: "annotation", id: riversPassage },
    });
    const csl = await exportOf(owner.token, collectionId, "format=csl-json", collectionExport.GET);
    expect(csl.status).toBe(200);
    expect((csl.body as Array<{ title: string }>).map((item) => item.title)).toEqual(["Rivers Without Borders"]);

    const outsider = await makeUser("refs-outsider");
    expectError(await exportOf(outsider.token, collectionId, "format=bibtex", collectionExport.GET), 404);
    expectError(await exportOf(outsider.token, workspaceId, "format=ris"), 404);
    expectError(await exportOf(owner.token, workspaceId, "format=endnote"), 400);
  });

  it("ends reports with a bibliography of the cited documents in APA or Chicago author-date", async () => {
    const { owner, workspaceId } = await library();
    const apa = (await exportOf(owner.token, workspaceId, "format=md")).body as string;
    const references = apa.slice(apa.indexOf("## References"));
    expect(references).toContain("Ellison, M. (2024, March 14). Rivers Without Borders.");
    expect(references).toContain("Carvalho, I., & Lund, O. (2022, June). Harbour Notes.");
    // Not cited: no passage in the report.
    expect(references).not.toContain("Counting Herons");
    // Passages cite author, year (and here no page, no heading).
    expect(apa).toContain("(Ellison 2024)");

    const chicago = (await exportOf(owner.token, workspaceId, "format=html&style=chicago")).body as string;
    expect(chicago).toContain("<li>Ellison, Mara. 2024. “Rivers Without Borders.”</li>");
    expect(chicago).toContain("Carvalho, Ines, and Oskar Lund. 2022.");
    expectError(await exportOf(owner.token, workspaceId, "format=md&style=mla"), 400);
  });
});

import { describe, expect, it } from "vitest";
import { bibliographyEntries, cslItems, cslName, formatReferences } from "./references";

const river = {
  id: "d1",
  title: "Rivers Without Borders",
  authors: ["Mara Ellison"],
  publishedAt: "2024-03-14T00:00:00.000Z",
  publishedPrecision: "day" as const,
  sourceUrl: null,
};

describe("references", () => {
  it("splits names into family and given, keeps organizations whole", () => {
    expect(cslName("Mara Ellison")).toEqual({ family: "Ellison", given: "Mara" });
    expect(cslName("Ellison, Mara")).toEqual({ family: "Ellison", given: "Mara" });
    expect(cslName("Ludwig van Beethoven")).toEqual({ family: "van Beethoven", given: "Ludwig" });
    expect(cslName("Plato")).toEqual({ family: "Plato" });
    expect(cslName("Valley Water Council of the Upper Basin")).toEqual({
      literal: "Valley Water Council of the Upper Basin",
    });
  });

  it("dates items as precisely as the document is dated, and gives each a distinct key", () => {
    const items = cslItems([
      river,
      { ...river, id: "d2", publishedAt: "2024-03-01T00:00:00.000Z", publishedPrecision: "month" },
      { ...river, id: "d3", publishedAt: null, publishedPrecision: null },
    ]);
    expect(items.map((item) => item.issued)).toEqual([
      { "date-parts": [[2024, 3, 14]] },
      { "date-parts": [[2024, 3]] },
      undefined,
    ]);
    expect(items.map((item) => item["citation-key"])).toEqual([
      "Ellison2024Rivers",
      "Ellison2024Riversa",
      "EllisonndRivers",
    ]);
  });

  it("writes BibTeX with the key, and nothing for no documents", () => {
    expect(formatReferences([river], "bibtex")).toMatch(/^@misc\{Ellison2024Rivers,/);
    expect(formatReferences([], "ris")).toBe("");
    expect(JSON.parse(formatReferences([], "csl-json"))).toEqual([]);
  });

  // The first engine of a style parses the style and its locale: seconds on a busy machine.
  it("formats APA and Chicago author-date bibliographies", { timeout: 30_000 }, () => {
    expect(bibliographyEntries([river], "apa")).toEqual(["Ellison, M. (2024, March 14). Rivers Without Borders."]);
    expect(bibliographyEntries([river], "chicago")).toEqual(["Ellison, Mara. 2024. “Rivers Without Borders.”"]);
  });
});

import { describe, expect, it } from "vitest";
import { authorNames, citePassage, citeSource, placeLabel, surname } from "./cite-passage";

const document = {
  title: "Rivers Without Borders",
  authors: ["Mara Ellison"],
  publishedAt: "2018-03-14T00:00:00.000Z",
};

describe("citePassage", () => {
  it("cites surname, year and page for a paginated source", () => {
    expect(citePassage(document, { page: 3, section: ["A Shared Basin"] })).toBe("Ellison 2018, p. 3");
  });

  it("cites the innermost heading when there is no page", () => {
    expect(citePassage(document, { page: null, section: ["History", "Since 1991"] })).toBe(
      "Ellison 2018, § Since 1991",
    );
  });

  it("cites the source alone when neither page nor heading is known", () => {
    expect(citePassage(document, { page: null, section: [] })).toBe("Ellison 2018");
  });

  it("falls back to the title without authors, and to n.d. without a date", () => {
    expect(citePassage({ ...document, authors: [], publishedAt: null }, { page: 2, section: [] })).toBe(
      "“Rivers Without Borders” n.d., p. 2",
    );
    const long = "A".repeat(100);
    expect(citeSource({ title: long, authors: [], publishedAt: null })).toBe(`“${"A".repeat(59)}…” n.d.`);
  });

  it("names two authors, or the first and et al.", () => {
    expect(authorNames(["Mara Ellison", "Tomas Reyes"])).toBe("Ellison and Reyes");
    expect(authorNames(["Mara Ellison", "Tomas Reyes", "Ida Park"])).toBe("Ellison et al.");
    expect(citeSource({ ...document, authors: ["Mara Ellison", "Tomas Reyes"] })).toBe("Ellison and Reyes 2018");
  });

  it("finds surnames in either order and keeps particles", () => {
    expect(surname("Ellison, Mara")).toBe("Ellison");
    expect(surname("  Mara   Ellison ")).toBe("Ellison");
    expect(surname("Ludwig van Beethoven")).toBe("van Beethoven");
    expect(surname("Plato")).toBe("Plato");
  });

  it("labels a place for the reader's card", () => {
    expect(placeLabel({ page: 12, section: ["X"] })).toBe("p. 12");
    expect(placeLabel({ page: null, section: ["History"] })).toBe("§ History");
    expect(placeLabel({ page: null, section: [] })).toBeNull();
  });
});

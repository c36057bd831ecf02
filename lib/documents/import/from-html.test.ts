import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractHtml } from "./from-html";
import { readSchemaOrgArticle } from "./schema-org";

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../../../tests/fixtures/html", name), "utf8");

describe("HTML metadata from schema.org Article data", () => {
  it("prefers a NewsArticle in an @graph to meta tags, resolving author references, and takes only datePublished", () => {
    const extracted = extractHtml(fixture("graph-article.html"));
    expect(extracted.title).toBe("Harbour Notes: The Stone Mark");
    expect(extracted.authors).toEqual(["Ines Carvalho", "Oskar Lund"]);
    expect(extracted.published).toEqual({ at: new Date("2022-06-30T08:00:00Z"), precision: "day" });
    expect(extracted.sourceUrl).toBe("https://tideline.example/harbour-notes");
    // The JSON-LD never reaches the text.
    expect(extracted.text).not.toContain("@graph");
    expect(extracted.text).toContain("A groove in the harbour wall");
  });

  it("reads a ScholarlyArticle from an array (prefixed type, name, organization authors), skipping broken scripts", () => {
    const extracted = extractHtml(fixture("scholarly-article.html"));
    expect(extracted.title).toBe("Counting Herons in Winter");
    expect(extracted.authors).toEqual(["Mara Ellison", "River Survey Group"]);
    expect(extracted.sourceUrl).toBe("https://survey.example/herons");
    // dateCreated is not a publication date, and there is no other.
    expect(extracted.published).toBeUndefined();
  });

  it("falls back to meta tags without article data", () => {
    const html = fixture("graph-article.html").replace(/<script[\s\S]*?<\/script>/, "");
    const extracted = extractHtml(html);
    expect(extracted.title).toBe("Harbour Notes (social title)");
    expect(extracted.authors).toEqual(["Gazette Staff"]);
    expect(extracted.published?.at).toEqual(new Date("2021-01-01T00:00:00Z"));
  });

  it("ignores nodes that are not articles", () => {
    expect(readSchemaOrgArticle(['{"@type":"Organization","name":"Not an article"}'])).toBeUndefined();
    expect(readSchemaOrgArticle(['[1, null, "x"]', "{"])).toBeUndefined();
  });
});

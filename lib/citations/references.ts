import { readFileSync } from "node:fs";
import path from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import type { DatePrecision } from "@/lib/documents/published-date";
import { surname } from "./cite-passage";
import type { CitationStyle } from "./citation-styles";

export type { CitationStyle } from "./citation-styles";

// A workspace's documents as references, through Citation.js: CSL-JSON items built
// from each document's details, written as BibTeX, CSL-JSON or RIS, or formatted as a
// bibliography in a citation style. Runs where the exports are written (the
// untrusted-work pool): formatting a long list takes a while.

export type ReferenceFormat = "bibtex" | "csl-json" | "ris";

export type ReferencedDocument = {
  id: string;
  title: string;
  authors: string[];
  publishedAt: string | null;
  publishedPrecision: DatePrecision | null;
  sourceUrl: string | null;
};

type CslName = { family: string; given?: string } | { literal: string };

// "Mara Ellison" → family Ellison, given Mara; "Ellison, Mara" likewise; a long name
// (an organization, most likely) stays whole.
export function cslName(author: string): CslName {
  const name = author.trim().replace(/\s+/g, " ");
  if (name.includes(",")) {
    const [family, ...given] = name.split(",");
    return { family: family!.trim(), given: given.join(",").trim() || undefined };
  }
  const family = surname(name);
  if (family === name) return name.split(" ").length > 1 ? { literal: name } : { family: name };
  return { family, given: name.slice(0, name.length - family.length).trim() };
}

function issued(document: ReferencedDocument) {
  if (!document.publishedAt) return undefined;
  const at = new Date(document.publishedAt);
  const parts = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
  const kept = document.publishedPrecision === "year" ? 1 : document.publishedPrecision === "month" ? 2 : 3;
  return { "date-parts": [parts.slice(0, kept)] };
}

// A key that BibTeX accepts and a reader recognizes: Ellison2024Rivers; repeated keys get a, b, …
function citationKeys(documents: ReferencedDocument[]): string[] {
  const seen = new Map<string, number>();
  return documents.map((document) => {
    const ascii = (text: string) =>
      text
        .normalize("NFKD")
        .replace(/[^A-Za-z0-9]/g, "")
        .slice(0, 24);
    const who = ascii(surname(document.authors[0] ?? "")) || "Anon";
    const year = document.publishedAt ? String(new Date(document.publishedAt).getUTCFullYear()) : "nd";
    const word = ascii(document.title.split(/\s+/).find((part) => ascii(part).length > 3) ?? "") || "Doc";
    const base = `${who}${year}${word}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count ? `${base}${String.fromCharCode(96 + Math.min(count, 26))}` : base;
  });
}

export function cslItems(documents: ReferencedDocument[]) {
  const keys = citationKeys(documents);
  return documents.map((document, index) => ({
    id: document.id,
    "citation-key": keys[index],
    type: document.sourceUrl ? "webpage" : "document",
    title: document.title,
    ...(document.authors.length ? { author: document.authors.map(cslName) } : {}),
    ...(issued(document) ? { issued: issued(document) } : {}),
    ...(document.sourceUrl ? { URL: document.sourceUrl } : {}),
  }));
}

export function formatReferences(documents: ReferencedDocument[], format: ReferenceFormat): string {
  const items = cslItems(documents);
  if (format === "csl-json") return `${JSON.stringify(items, null, 2)}\n`;
  if (!items.length) return "";
  return new Cite(items).format(format === "bibtex" ? "bibtex" : "ris", { format: "text" });
}

// Chicago author-date is a CSL style vendored beside this file (CC BY-SA 3.0, see its README);
// APA ships with the CSL plugin.
let chicagoRegistered = false;
function templateOf(style: CitationStyle): string {
  if (style === "apa") return "apa";
  if (!chicagoRegistered) {
    const xml = readFileSync(path.join(process.cwd(), "lib/citations/styles/chicago-author-date.csl"), "utf8");
    plugins.config.get("@csl").styles.add("chicago-author-date", xml);
    chicagoRegistered = true;
  }
  return "chicago-author-date";
}

// The formatted bibliography, one entry per string, in the style's order.
export function bibliographyEntries(documents: ReferencedDocument[], style: CitationStyle): string[] {
  if (!documents.length) return [];
  const text = new Cite(cslItems(documents)).format("bibliography", {
    format: "text",
    template: templateOf(style),
    lang: "en-US",
  });
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

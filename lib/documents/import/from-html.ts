import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { collapseWhitespace, parsePublishedValue } from "./normalize-text";
import { readSchemaOrgArticle } from "./schema-org";
import type { SourceBlock } from "../structure/blocks";
import type { ExtractedSource } from "./types";

const BLOCK_SELECTOR = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd";
const DROPPED = "script, style, noscript, template, iframe, object, embed, svg, canvas, form, nav, button";

// HTML becomes the text of its main content (Mozilla Readability when the page
// looks like an article, else the body), one block per paragraph-like element.
// Scripts, styles and other active content never reach the text.
export function extractHtml(html: string, options: { isWholeDocument?: boolean } = {}): ExtractedSource {
  // A fragment ("<p>…</p>", as pasted or sent as JSON `html`) is a body: the parser would
  // otherwise make its first element the root and leave the body empty.
  const isFragment = !/<(html|body)[\s>]/i.test(html);
  const { document } = parseHTML(
    isFragment ? `<html><body>${html.replace(/^\s*<!doctype[^>]*>/i, "")}</body></html>` : html,
  );
  // schema.org Article data, where the page has it, is preferred to its meta tags.
  const schemaOrg = readSchemaOrgArticle(
    Array.from(document.querySelectorAll("script"))
      .filter((script) => /^\s*application\/ld\+json\s*(;|$)/i.test(script.getAttribute("type") ?? ""))
      .map((script) => script.textContent ?? ""),
  );
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() || undefined;
  const pageTitle =
    schemaOrg?.title ??
    meta('meta[property="og:title"]') ??
    meta('meta[name="citation_title"]') ??
    (collapseWhitespace(document.querySelector("title")?.textContent ?? "") || undefined);
  const authors =
    schemaOrg?.authors ??
    Array.from(
      document.querySelectorAll('meta[name="author"], meta[name="citation_author"], meta[property="article:author"]'),
    )
      .map((element) => element.getAttribute("content")?.trim() ?? "")
      .filter((author) => author && !/^https?:/.test(author));
  const sourceUrl =
    schemaOrg?.url ??
    meta('meta[property="og:url"]') ??
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    undefined;
  const published =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="citation_publication_date"]') ??
    meta('meta[name="date"]') ??
    document.querySelector("time[datetime]")?.getAttribute("datetime");
  for (const element of Array.from(document.querySelectorAll(DROPPED))) element.remove();

  let content = document.body ?? document.documentElement;
  let byline: string | undefined;
  let readableTitle: string | undefined;
  if (!options.isWholeDocument) {
    // Readability mutates the DOM it reads, so it works on a copy.
    const article = new Readability(parseHTML(document.toString()).document as unknown as Document, {
      charThreshold: 200,
    }).parse();
    if (article?.content && collapseWhitespace(article.textContent ?? "").length > 200) {
      content = parseHTML(`<html><body>${article.content}</body></html>`).document.body;
      byline = article.byline?.replace(/^by\s+/i, "").trim() || undefined;
      readableTitle = article.title?.trim() || undefined;
    }
  }
  const structure = textBlocks(content);
  const firstHeading = collapseWhitespace(content.querySelector("h1")?.textContent ?? "") || undefined;
  return {
    text: structure.map((block) => block.text).join("\n\n"),
    structure,
    sourceFormat: "html",
    title: pageTitle ?? readableTitle ?? firstHeading,
    authors: authors.length ? authors : byline ? [byline] : undefined,
    sourceUrl: sourceUrl && /^https?:\/\//.test(sourceUrl) ? sourceUrl : undefined,
    published: parsePublishedValue(schemaOrg?.published) ?? parsePublishedValue(published),
  };
}

// Innermost paragraph-like elements, in document order, each with its kind
// (heading and level, list item, quote, footnote); loose text in a container
// without such elements counts as one paragraph.
function textBlocks(root: Element): SourceBlock[] {
  const elements = Array.from(root.querySelectorAll(BLOCK_SELECTOR)).filter(
    (element) => !element.querySelector(BLOCK_SELECTOR),
  );
  if (!elements.length) {
    const text = collapseWhitespace(root.textContent ?? "");
    return text ? [{ type: "paragraph", text }] : [];
  }
  return elements
    .map((element) => ({ ...kindOf(element), text: collapseWhitespace(element.textContent ?? "") }))
    .filter((block) => block.text);
}

const FOOTNOTE =
  '[role="doc-footnote"], [role="doc-endnote"], [role="doc-endnotes"], [id^="footnote-"], [id^="fn"], .footnotes, .footnote, aside';

function kindOf(element: Element): Omit<SourceBlock, "text"> {
  const tag = element.tagName.toLowerCase();
  const heading = tag.match(/^h([1-6])$/);
  if (heading) return { type: "heading", level: Number(heading[1]) };
  if (element.closest(FOOTNOTE)) return { type: "footnote" };
  if (element.closest("blockquote")) return { type: "quote" };
  if (tag === "li") return { type: "list-item" };
  return { type: "paragraph" };
}

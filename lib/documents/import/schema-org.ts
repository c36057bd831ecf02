// schema.org article data embedded in HTML (`<script type="application/ld+json">`):
// the headline, authors' names, publication date and address of an Article or one
// of its kinds, found at the top level, in an array or in an @graph. Never the
// creation or modification dates: only datePublished says when it was published.

export type SchemaOrgArticle = { title?: string; authors?: string[]; published?: string; url?: string };

const ARTICLE_TYPES = new Set([
  "Article",
  "NewsArticle",
  "ScholarlyArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "ReportageNewsArticle",
  "BackgroundNewsArticle",
  "ReviewNewsArticle",
  "BlogPosting",
  "Report",
  "TechArticle",
]);
const MAX_SCRIPTS = 20;
const MAX_AUTHORS = 50;
const MAX_AUTHOR = 200;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const text = (value: unknown): string | undefined => {
  const first = list(value).find((entry) => typeof entry === "string" || isNode(entry));
  const raw = isNode(first) ? (first["@value"] ?? first.name) : first;
  return typeof raw === "string" && raw.trim() ? raw.replace(/\s+/g, " ").trim() : undefined;
};
// "Article", "schema:Article", "https://schema.org/Article".
const typeNames = (node: Node) =>
  list(node["@type"]).flatMap((type) => (typeof type === "string" ? [type.replace(/^.*[/:#]/, "")] : []));

// Every node a script declares: itself (or each of an array) and the members of an @graph.
function nodesOf(value: unknown): Node[] {
  return list(value)
    .filter(isNode)
    .flatMap((node) => [node, ...list(node["@graph"]).filter(isNode)]);
}

export function readSchemaOrgArticle(scripts: string[]): SchemaOrgArticle | undefined {
  const nodes = scripts.slice(0, MAX_SCRIPTS).flatMap((source) => {
    try {
      return nodesOf(JSON.parse(source));
    } catch {
      return [];
    }
  });
  const article = nodes.find((node) => typeNames(node).some((type) => ARTICLE_TYPES.has(type)));
  if (!article) return undefined;
  const byId = new Map(nodes.flatMap((node) => (typeof node["@id"] === "string" ? [[node["@id"], node]] : [])));
  // An author is a name, a Person or Organization, or a reference ({"@id"}) to one in the graph.
  const authors = list(article.author)
    .slice(0, MAX_AUTHORS)
    .map((author) =>
      isNode(author) && typeof author["@id"] === "string" && !author.name ? byId.get(author["@id"]) : author,
    )
    .map((author) => text(author))
    .filter((name): name is string => Boolean(name) && !/^https?:/.test(name!))
    .map((name) => name.slice(0, MAX_AUTHOR));
  const url =
    text(article.url) ??
    (isNode(article.mainEntityOfPage) ? text(article.mainEntityOfPage["@id"]) : text(article.mainEntityOfPage));
  return {
    title: text(article.headline) ?? text(article.name),
    authors: authors.length ? Array.from(new Set(authors)) : undefined,
    published: text(article.datePublished),
    url: url && /^https?:\/\//.test(url) ? url : undefined,
  };
}

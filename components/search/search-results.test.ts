import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SearchResults } from "@/lib/search/search";
import { SearchResultList } from "./search-results";

const documentHit = (id: string) => ({
  id,
  title: `Report ${id}`,
  titleHtml: `Report ${id}`,
  authors: [],
  workspace: { id: "w", name: "W" },
  rank: 1,
  snippetHtml: "… a <mark>word</mark> …",
  match: null,
});

const render = (counts: SearchResults["counts"]) =>
  renderToStaticMarkup(
    createElement(SearchResultList, {
      results: {
        query: "word ",
        documents: [documentHit("1"), documentHit("2")],
        annotations: [],
        replies: [],
        counts,
        nextCursor: "2",
      },
      showWorkspace: false,
      pageHref: (cursor: string) => `?cursor=${cursor}`,
    }),
  );

describe("search result headings", () => {
  it("count every match, not the page, and say when the count is a lower bound", () => {
    const html = render({
      documents: { count: 1000, isEstimate: true },
      annotations: { count: 0, isEstimate: false },
      replies: { count: 37, isEstimate: false },
    });
    expect(html).toContain("Documents <span");
    expect(html).toContain("(about 1,000+)");
    expect(html).toContain("Replies (37)");
    expect(html).toContain("None on this page.");
    expect(html).toContain("Passages and comments (0)");
  });
});

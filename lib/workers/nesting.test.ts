import { describe, expect, it } from "vitest";
import { htmlNestingDepth, markdownMarkerCount, markdownNestingDepth, MAX_MARKDOWN_MARKERS } from "./nesting";

describe("nesting pre-checks", () => {
  it("counts how deeply HTML elements nest, not paragraphs, list items or void elements", () => {
    expect(htmlNestingDepth("<div><section><p>a<p>b<br><img src=x></section></div>")).toBe(2);
    expect(htmlNestingDepth(`${"<div>".repeat(1000)}a${"</div>".repeat(1000)}`)).toBe(1000);
    expect(htmlNestingDepth("<ul><li>one<li>two</ul><ul><li>three</ul>")).toBe(1);
    expect(htmlNestingDepth("<!-- <div><div> --> <div/> text")).toBe(0);
    expect(htmlNestingDepth('<script>"<div><div><div>"</script><style>a>b{}</style><div>a</div>')).toBe(1);
    // Unclosed tags and comments end the count at once (no rescanning).
    expect(htmlNestingDepth("<a ".repeat(100_000))).toBe(0);
    expect(htmlNestingDepth("<!--".repeat(100_000))).toBe(0);
    expect(htmlNestingDepth("<SCRIPT>x</Script>".repeat(100_000) + "<div>")).toBe(1);
  });

  it("counts Markdown quotes and lists nested on one line or by indentation", () => {
    expect(markdownNestingDepth("A paragraph with - dashes and > signs.\n\n* * *")).toBe(3);
    expect(markdownNestingDepth("> quoted\n> > twice\n\n- item\n  - nested\n    1. deeper")).toBe(3);
    expect(markdownNestingDepth(">".repeat(20_000))).toBe(20_000);
    expect(markdownNestingDepth(`${"- ".repeat(3000)}a`)).toBe(3000);
    expect(markdownNestingDepth("-not a list\n2024. A year, not a list item? It is one.\n12345678901. too long")).toBe(
      1,
    );
  });

  it("counts emphasis and link marks, so a comment full of them is refused on any machine", () => {
    expect(markdownMarkerCount("*Bold* and _soft_ and ~~gone~~ and [a link](https://example.org)")).toBe(10);
    expect(markdownMarkerCount("*a".repeat(10_000))).toBeGreaterThan(MAX_MARKDOWN_MARKERS);
    expect(markdownMarkerCount("Plain words, no marks at all.")).toBe(0);
  });
});

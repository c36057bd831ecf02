import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it("renders emphasis, lists, links and tables", () => {
    const html = renderMarkdown(
      "**Strong** claim, see [Lin](https://example.org/lin).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(html).toContain("<strong>Strong</strong>");
    expect(html).toContain('href="https://example.org/lin"');
    expect(html).toContain("<li>two</li>");
    expect(html).toContain("<table>");
  });

  it("renders scripts, handlers and javascript: links inert", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[click](javascript:alert(1)) <a href="javascript:alert(2)">x</a>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it("keeps Unicode as typed", () => {
    expect(renderMarkdown("“Axis” — 全面战略协作伙伴关系")).toContain("“Axis” — 全面战略协作伙伴关系");
  });
});

import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

const links = { aliceamara: "/workspaces/w1/search?author=u1", bb: "/workspaces/w1/search?author=u2" };

describe("mentions in the Markdown renderer", () => {
  it("links the handles that name members, keeping what was written", () => {
    expect(renderMarkdown("Over to @AliceAmara. And @bb, and @nobody.", links)).toBe(
      '<p>Over to <a href="/workspaces/w1/search?author=u1">@AliceAmara</a>. And <a href="/workspaces/w1/search?author=u2">@bb</a>, and @nobody.</p>',
    );
  });

  it("leaves code, links and email addresses alone, and renders as before without links", () => {
    expect(renderMarkdown("`@bb` [@bb](https://example.org) bb@example.org", links)).toBe(
      '<p><code>@bb</code> <a href="https://example.org">@bb</a> <a href="mailto:bb@example.org">bb@example.org</a></p>',
    );
    expect(renderMarkdown("Hi @bb")).toBe("<p>Hi @bb</p>");
  });
});

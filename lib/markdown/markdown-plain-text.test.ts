import { describe, expect, it } from "vitest";
import { markdownPlainText } from "./markdown-plain-text";

describe("markdownPlainText", () => {
  it("drops markup and keeps the words, link addresses and list items", () => {
    expect(markdownPlainText("The **framing**: “axis”, not _alliance_ & more.")).toBe(
      "The framing: “axis”, not alliance & more.",
    );
    expect(markdownPlainText("See [the report](https://example.org/r).\n\n- one\n- two")).toBe(
      "See the report (https://example.org/r).\n\n• one\n• two",
    );
    expect(markdownPlainText("全面战略协作 `code` <b>x</b>")).toBe("全面战略协作 code x");
  });

  it("keeps numbered lists numbered, from their start, and indents nested lists", () => {
    expect(markdownPlainText("Why:\n\n1. **first**\n2. second\n\n- a\n- b")).toBe(
      "Why:\n\n1. first\n2. second\n\n• a\n• b",
    );
    expect(markdownPlainText("3. three\n4. four")).toBe("3. three\n4. four");
    expect(markdownPlainText("1. one\n   - inner\n2. two")).toMatch(/^1\. one\n+ {3}• inner\n+2\. two$/);
  });

  it("leaves a script as inert text at most", () => {
    expect(markdownPlainText("<script>alert(1)</script>Hi <img src=x onerror=alert(1)>")).not.toMatch(
      /<script|onerror/,
    );
  });
});

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

  it("leaves a script as inert text at most", () => {
    expect(markdownPlainText("<script>alert(1)</script>Hi <img src=x onerror=alert(1)>")).not.toMatch(
      /<script|onerror/,
    );
  });
});

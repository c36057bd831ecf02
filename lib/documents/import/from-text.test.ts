import { describe, expect, it } from "vitest";
import { readCorpus } from "@/tests/support/corpus";
import { extractPlainText } from "./from-text";

describe("extractPlainText", () => {
  it("reads title, byline and date from a title page and leaves the text untouched", () => {
    const text = readCorpus("kowalewski-2018-countering-encirclement.txt");
    const extracted = extractPlainText(text);
    expect(extracted).toMatchObject({
      title: "Chinese-Russian Defense and Security Ties: Countering US Encirclement",
      authors: ["Annie Kowalewski"],
      published: { at: new Date("2018-06-04T00:00:00Z"), precision: "day" },
    });
    expect(extracted.text).toBe(text);
  });

  it("takes a heading line as the title and finds none in a text that opens with a paragraph", () => {
    expect(extractPlainText(readCorpus("lin-2023-axis-takes-shape.txt")).title).toBe(
      "The China-Russia Axis Takes Shape",
    );
    expect(extractPlainText(readCorpus("istomin-2021-avoiding-an-alliance.txt")).title).toBe(
      "Russia-China Relations: Deepening Cooperation and Avoiding An Alliance",
    );
    expect(extractPlainText(readCorpus("forum-2022-alliance-tightening.txt"))).toMatchObject({
      title: undefined,
      authors: undefined,
      published: undefined,
    });
  });
});

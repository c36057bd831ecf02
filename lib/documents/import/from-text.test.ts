import { describe, expect, it } from "vitest";
import { ALLIANCE_TITLE, AXIS_TITLE, readFixture, TITLE_PAGE } from "@/tests/fixtures/texts";
import { extractPlainText } from "./from-text";

describe("extractPlainText", () => {
  it("reads title, byline and date from a title page and leaves the text untouched", () => {
    const text = readFixture("titlePage");
    const extracted = extractPlainText(text);
    const { publishedAt, ...rest } = TITLE_PAGE;
    expect(extracted).toMatchObject({ ...rest, published: { at: publishedAt, precision: "day" } });
    expect(extracted.text).toBe(text);
  });

  it("takes a heading line as the title and finds none in a text that opens with a paragraph", () => {
    expect(extractPlainText(readFixture("axis")).title).toBe(AXIS_TITLE);
    expect(extractPlainText(readFixture("alliance")).title).toBe(ALLIANCE_TITLE);
    expect(extractPlainText(readFixture("notes"))).toMatchObject({
      title: undefined,
      authors: undefined,
      published: undefined,
    });
  });
});

describe("extractPlainText dates", () => {
  it("reads a date line known only to the month as a month", () => {
    const extracted = extractPlainText("A Short Report\n\nSeptember 2023\n\nBy: Ada Novak\n\nThe text begins here.");
    expect(extracted.published).toEqual({ at: new Date("2023-09-01T00:00:00Z"), precision: "month" });
    expect(extractPlainText("Notes\n\nFall 2023\n\nText.").published).toBeUndefined();
  });
});

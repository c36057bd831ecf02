import { describe, expect, it } from "vitest";
import { CJK_TERM, readFixture } from "@/tests/fixtures/texts";
import { describeQuote } from "@/lib/anchoring/selectors";
import { segmentText } from "./segment-text";

describe("segmentText", () => {
  it("splits paragraphs and marks overlapping highlights as separate runs", () => {
    const paragraphs = segmentText("Alpha beta gamma.\n\nDelta epsilon.", [
      { id: "a", start: 0, end: 10, color: "yellow" },
      { id: "b", start: 6, end: 16, color: "blue" },
    ]);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.segments.map((segment) => [segment.text, segment.ids])).toEqual([
      ["Alpha ", ["a"]],
      ["beta", ["a", "b"]],
      [" gamma", ["b"]],
      [".", []],
    ]);
    expect(paragraphs[1]).toMatchObject({ start: 19, segments: [{ start: 19, text: "Delta epsilon.", ids: [] }] });
  });

  it("continues a highlight across a paragraph break and keeps CJK offsets in code points", () => {
    const text = readFixture("titlePage");
    const [, position] = describeQuote(text, CJK_TERM)!;
    const paragraphs = segmentText(text, [{ id: "cjk", start: position.start, end: position.end, color: null }]);
    const marked = paragraphs
      .flatMap((paragraph) => paragraph.segments)
      .filter((segment) => segment.ids.includes("cjk"));
    expect(marked.map((segment) => segment.text).join("")).toBe(CJK_TERM);
    expect(marked[0]!.start).toBe(position.start);
    // Every character of every paragraph is rendered exactly once.
    expect(paragraphs.flatMap((paragraph) => paragraph.segments.map((segment) => segment.text)).join("")).toBe(
      text.replace(/\n/g, ""),
    );
    const spanning = segmentText("One.\nTwo.", [{ id: "x", start: 2, end: 7, color: null }]);
    expect(
      spanning.map((paragraph) => paragraph.segments.map((segment) => [segment.text, segment.ids.length])),
    ).toEqual([
      [
        ["On", 0],
        ["e.", 1],
      ],
      [
        ["Tw", 1],
        ["o.", 0],
      ],
    ]);
  });
});

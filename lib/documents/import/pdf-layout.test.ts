import { describe, expect, it } from "vitest";
import { joinLines, layoutPages, type TextPiece } from "./pdf-layout";

const lines = (...texts: string[]) => texts.map((text) => ({ text }));

describe("joining PDF lines", () => {
  it("undoes line-end hyphenation but keeps real hyphens and joins CJK without a space", () => {
    const known = new Set(["long-term"]);
    expect(joinLines(lines("a water-", "proof book"), known)).toBe("a waterproof book");
    expect(joinLines(lines("a water\u2010", "proof book"), known)).toBe("a waterproof book");
    expect(joinLines(lines("the Sino-", "Russian border"), known)).toBe("the Sino-Russian border");
    expect(joinLines(lines("the long-", "term view"), known)).toBe("the long-term view");
    expect(joinLines(lines("a dash -", "then more"), known)).toBe("a dash - then more");
    expect(joinLines(lines("全面战略", "协作伙伴关系"), known)).toBe("全面战略协作伙伴关系");
  });
});

describe("laying out PDF pages", () => {
  const piece = (text: string, x: number, y: number, size = 10, bold = false): TextPiece => ({
    text,
    x,
    y,
    width: text.length * size * 0.5,
    size,
    bold,
  });

  it("keeps a right-aligned line in place on a one-column page and makes no footnotes on a page without body text", () => {
    const blocks = layoutPages([
      {
        width: 600,
        height: 800,
        pieces: [
          piece("Memo on the dam, written for the council and read aloud on Friday.", 60, 700),
          piece("Second line of the memo, still in the first paragraph here.", 60, 688),
          piece("Filed 3 May", 420, 660),
          piece("Closing paragraph of the memo, after the filing note above it.", 60, 630),
        ],
      },
      { width: 600, height: 800, pieces: [piece("A small caption alone on its page.", 60, 400, 7)] },
    ]);
    expect(blocks.map((block) => [block.type, block.text, block.page])).toEqual([
      [
        "paragraph",
        "Memo on the dam, written for the council and read aloud on Friday. Second line of the memo, still in the first paragraph here.",
        1,
      ],
      ["paragraph", "Filed 3 May", 1],
      ["paragraph", "Closing paragraph of the memo, after the filing note above it.", 1],
      ["paragraph", "A small caption alone on its page.", 2],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { Block } from "./blocks";
import { createLocator } from "./place";

// Text made of named pieces, with the blocks over them (code points = UTF-16 here: ASCII).
function layout(pieces: Array<[Block["type"], string, { level?: number; page?: number }?]>) {
  let text = "";
  const blocks: Block[] = [];
  for (const [type, body, extra] of pieces) {
    if (text) text += "\n\n";
    blocks.push({ type, start: text.length, end: text.length + body.length, ...extra });
    text += body;
  }
  return { text, blocks };
}

describe("createLocator", () => {
  const { text, blocks } = layout([
    ["heading", "Report Title", { level: 1, page: 1 }],
    ["paragraph", "Opening words.", { page: 1 }],
    ["heading", "History", { level: 2, page: 1 }],
    ["paragraph", "Early days.", { page: 2 }],
    ["heading", "Since 1991", { level: 3, page: 2 }],
    ["paragraph", "Recent times.", { page: 3 }],
    ["heading", "Outlook", { level: 2, page: 4 }],
    ["paragraph", "Ahead.", { page: 4 }],
  ]);
  const at = (needle: string) => text.indexOf(needle);
  const locate = createLocator(text, blocks, 4);

  it("gives the page of the block an offset is in, and between blocks the page of the next block", () => {
    expect(locate(at("Opening")).page).toBe(1);
    expect(locate(at("days")).page).toBe(2);
    expect(locate(at("Recent")).page).toBe(3);
    // The blank line after "Recent times." belongs to no block: the next block is on page 4.
    expect(locate(at("Recent times.") + "Recent times.".length + 1).page).toBe(4);
    expect(locate(text.length).page).toBe(4);
  });

  it("gives the heading path, without the title, closing headings of the same or a higher level", () => {
    expect(locate(at("Opening")).section).toEqual([]);
    expect(locate(at("Early")).section).toEqual(["History"]);
    expect(locate(at("Recent")).section).toEqual(["History", "Since 1991"]);
    expect(locate(at("Ahead")).section).toEqual(["Outlook"]);
    // On a heading itself: its own path.
    expect(locate(at("Outlook")).section).toEqual(["Outlook"]);
  });

  it("gives no page for documents that are not paginated", () => {
    const unpaged = blocks.map((block) => ({ ...block, page: undefined }));
    expect(createLocator(text, unpaged, null)(at("Recent"))).toEqual({
      page: null,
      section: ["History", "Since 1991"],
    });
    expect(createLocator(text, blocks, null)(at("Recent")).page).toBeNull();
  });

  it("counts offsets in code points", () => {
    const astral = layout([
      ["heading", "𝔸 Part", { level: 2, page: 1 }],
      ["paragraph", "𝔹𝔹", { page: 1 }],
      ["heading", "Next", { level: 2, page: 2 }],
      ["paragraph", "x", { page: 2 }],
    ]);
    // Blocks in code points: "𝔸 Part" is 6 code points, "𝔹𝔹" 2.
    const blocksInCodePoints: Block[] = [
      { type: "heading", level: 2, start: 0, end: 6, page: 1 },
      { type: "paragraph", start: 8, end: 10, page: 1 },
      { type: "heading", level: 2, start: 12, end: 16, page: 2 },
      { type: "paragraph", start: 18, end: 19, page: 2 },
    ];
    const locateAstral = createLocator(astral.text, blocksInCodePoints, 2);
    expect(locateAstral(9)).toEqual({ page: 1, section: ["𝔸 Part"] });
    expect(locateAstral(18)).toEqual({ page: 2, section: ["Next"] });
  });
});

import { describe, expect, it } from "vitest";
import { extractDocument } from "../import/extract-document";
import { locateBlocks, plainTextBlocks, type Block } from "./blocks";

const slice = (text: string, block: Block) => Array.from(text).slice(block.start, block.end).join("");
const shape = (text: string, blocks: Block[]) =>
  blocks.map((block) => [block.type, block.level ?? null, slice(text, block)]);

describe("plain text structure", () => {
  it("reads a title, short unpunctuated lines before body text as headings, lists and quotes; the rest paragraphs", () => {
    const text = [
      "Rivers Without Borders",
      "By: Mara Ellison",
      "March 14, 2024",
      "A Shared Basin",
      "The upper valley feeds three towns.\nIt has a second line.",
      "- walk the bank\n\n- count the herons",
      "> A quoted remark.",
      "Thanks",
    ].join("\n\n");
    expect(shape(text, plainTextBlocks(text))).toEqual([
      ["heading", 1, "Rivers Without Borders"],
      ["paragraph", null, "By: Mara Ellison"],
      ["paragraph", null, "March 14, 2024"],
      ["heading", 2, "A Shared Basin"],
      ["paragraph", null, "The upper valley feeds three towns.\nIt has a second line."],
      ["list-item", null, "- walk the bank"],
      ["list-item", null, "- count the herons"],
      ["quote", null, "> A quoted remark."],
      // A short last line is not a heading: nothing follows it.
      ["paragraph", null, "Thanks"],
    ]);
  });

  it("does not take picture credits or comment furniture for headings", () => {
    const text = [
      "Rivers Without Borders",
      "The upper valley feeds three towns, and each takes its share.",
      "Jon Vale illustration for River Weekly",
      "The lower valley gets what is left, which is little in August.",
      "Downstream Towns",
      "Their wells run dry first, and their mayors speak last.",
      "Leave A Reply",
      "Your address will not be shown.",
    ].join("\n\n");
    const headings = plainTextBlocks(text)
      .filter((block) => block.type === "heading")
      .map((block) => slice(text, block));
    expect(headings).toEqual(["Rivers Without Borders", "Downstream Towns"]);
  });

  it("reads text without blank lines one line per block", () => {
    const text =
      "Harbour Notes\nThe tide tables disagree about the east wind, as they always have.\nThe Stone Mark\nA groove.";
    expect(shape(text, plainTextBlocks(text))).toEqual([
      ["heading", 1, "Harbour Notes"],
      ["paragraph", null, "The tide tables disagree about the east wind, as they always have."],
      ["heading", 2, "The Stone Mark"],
      ["paragraph", null, "A groove."],
    ]);
    const wrapped =
      "The council has learned to open\nthe sluices before the forecasts\nagree with the gauges on the bridge.";
    expect(plainTextBlocks(wrapped).map((block) => block.type)).toEqual(["paragraph", "paragraph", "paragraph"]);
  });

  it("counts offsets in code points", () => {
    const text = "𝒜 heading\n\nBody text with 😀 in it, long enough to be a paragraph.\n\nMore.";
    const blocks = plainTextBlocks(text);
    expect(blocks.map((block) => [block.start, block.end])).toEqual([
      [0, 9],
      [11, 65],
      [67, 72],
    ]);
    expect(slice(text, blocks[1]!)).toBe("Body text with 😀 in it, long enough to be a paragraph.");
  });

  it("locates source blocks in the normalized text, in order, skipping what is gone", () => {
    const text = "Title\n\nSame words\n\nSame words";
    const blocks = locateBlocks(
      text,
      [
        { type: "heading", level: 1, text: "Title" },
        { type: "paragraph", text: "Missing" },
        { type: "paragraph", text: "Same words", page: 1 },
        { type: "quote", text: "Same words", page: 2 },
      ],
      (value) => value,
    );
    expect(blocks).toEqual([
      { type: "heading", level: 1, start: 0, end: 5 },
      { type: "paragraph", start: 7, end: 17, page: 1 },
      { type: "quote", start: 19, end: 29, page: 2 },
    ]);
  });
});

describe("structure of HTML and Markdown imports", () => {
  it("keeps HTML headings, list items, quotes and footnotes", async () => {
    const { text, blocks } = await extractDocument({
      format: "html",
      content:
        "<html><body><h1>Field Notes</h1><p>Opening paragraph.</p><h3>Method</h3><ul><li>Walk</li><li>Count</li></ul>" +
        '<blockquote><p>Water has no borders.</p></blockquote><section role="doc-endnotes"><ol><li>A note.</li></ol></section></body></html>',
    });
    expect(shape(text, blocks)).toEqual([
      ["heading", 1, "Field Notes"],
      ["paragraph", null, "Opening paragraph."],
      ["heading", 3, "Method"],
      ["list-item", null, "Walk"],
      ["list-item", null, "Count"],
      ["quote", null, "Water has no borders."],
      ["footnote", null, "A note."],
    ]);
  });

  it("keeps Markdown headings, list items, quotes and footnotes", async () => {
    const { text, blocks } = await extractDocument({
      format: "markdown",
      content:
        "# Field Notes\n\nOpening[^1] paragraph.\n\n## Method\n\n- Walk\n- Count\n\n> Water has no borders.\n\n[^1]: A note.\n",
    });
    expect(shape(text, blocks)).toEqual([
      ["heading", 1, "Field Notes"],
      ["paragraph", null, "Opening paragraph."],
      ["heading", 2, "Method"],
      ["list-item", null, "Walk"],
      ["list-item", null, "Count"],
      ["quote", null, "Water has no borders."],
      ["footnote", null, "A note."],
    ]);
  });
});

describe("structure of .docx imports", () => {
  it("keeps headings, list items and footnotes of a Word document", async () => {
    const { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } = await import("docx");
    const word = new Document({
      footnotes: { 1: { children: [new Paragraph("A note on the gauge.")] } },
      sections: [
        {
          children: [
            new Paragraph({ text: "Method", heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ children: [new TextRun("We walked the bank."), new FootnoteReferenceRun(1)] }),
            new Paragraph({ text: "Walk", bullet: { level: 0 } }),
            new Paragraph({ text: "Count", bullet: { level: 0 } }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(word));
    const { text, blocks } = await extractDocument({ file: { name: "method.docx", type: "", bytes } });
    const shaped = shape(text, blocks);
    expect(shaped.slice(0, 1)).toEqual([["heading", 2, "Method"]]);
    expect(shaped.filter(([type]) => type === "list-item").map(([, , value]) => value)).toEqual(["Walk", "Count"]);
    expect(shaped.filter(([type]) => type === "footnote").map(([, , value]) => value)).toEqual([
      expect.stringContaining("A note on the gauge."),
    ]);
  });
});

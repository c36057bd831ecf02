import { readFileSync } from "node:fs";
import path from "node:path";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { extractDocument } from "@/lib/documents/import/extract-document";
import {
  alignPage,
  endOffsetAt,
  itemRangeWithin,
  pageWindow,
  startOffsetAt,
  type ItemOffsets,
  type PageBlock,
} from "./pdf-alignment";

const FIXTURES = path.resolve(import.meta.dirname, "../../tests/fixtures/pdf");

// The canonical text and blocks as imported, and each page's text items as pdf.js gives them to the viewer.
async function load(name: string) {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
  const { text, blocks } = await extractDocument({ file: { name, type: "application/pdf", bytes } });
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: string[][] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.filter((item) => "str" in item).map((item) => (item as { str: string }).str));
  }
  await pdf.loadingTask.destroy();
  return { codePoints: Array.from(text), blocks, pages };
}

// What an item maps to, read back from the canonical text.
const mappedText = (codePoints: string[], offsets: ItemOffsets) =>
  offsets ? Array.from(offsets, (offset) => (offset >= 0 ? codePoints[offset] : "")).join("") : "";
const squeeze = (value: string) => value.replace(/\s|[-\u2010\u2011\u00ad]/g, "");

describe.each(["chromium-river-report.pdf", "groff-harbour-notes.pdf"])("aligning %s", async (name) => {
  const { codePoints, blocks, pages } = await load(name);

  it("maps nearly every canonical character of each page's window to an item, in place", () => {
    pages.forEach((items, index) => {
      const page = index + 1;
      const aligned = alignPage(codePoints, blocks, page, items);
      const covered = new Set<number>();
      aligned.forEach((offsets, itemIndex) => {
        if (!offsets) return;
        // Each mapped character is the item's own (hyphens the import removed aside).
        expect(squeeze(mappedText(codePoints, offsets)).normalize("NFKC")).toBe(
          squeeze(items[itemIndex]!).normalize("NFKC"),
        );
        offsets.forEach((offset) => offset >= 0 && covered.add(offset));
      });
      // Every block that starts on this page is covered almost entirely.
      for (const block of blocks.filter((candidate) => candidate.page === page)) {
        let letters = 0;
        let hit = 0;
        for (let offset = block.start; offset < block.end; offset += 1) {
          if (/\s/.test(codePoints[offset]!)) continue;
          letters += 1;
          if (covered.has(offset)) hit += 1;
        }
        expect(hit / letters).toBeGreaterThan(0.97);
      }
    });
  });

  it("finds a passage of page 2 in the items of page 2 and maps a selection back to it", () => {
    const block = blocks.find((candidate) => candidate.page === 2 && candidate.end - candidate.start > 40)!;
    // From a word's start to a word's end, as a mouse selection of words would be.
    const start = block.start;
    const end =
      block.start +
      codePoints
        .slice(block.start, block.start + 40)
        .join("")
        .lastIndexOf(" ");
    const aligned = alignPage(codePoints, blocks, 2, pages[1]!);
    const hits = aligned
      .map((offsets, index) => ({ index, range: itemRangeWithin(offsets, start, end) }))
      .filter((hit) => hit.range);
    expect(hits.length).toBeGreaterThan(0);
    const first = hits[0]!;
    const last = hits.at(-1)!;
    // Selecting exactly those characters in the text layer gives the same canonical range back.
    expect(startOffsetAt(aligned[first.index]!, first.range![0])).toBe(start);
    expect(endOffsetAt(aligned[last.index]!, last.range![1])).toBe(end);
    const shown = hits
      .map((hit) => pages[1]![hit.index]!.slice(hit.range![0], hit.range![1]))
      .join(" ")
      .normalize("NFKC");
    expect(squeeze(shown)).toBe(squeeze(codePoints.slice(start, end).join("")));
  });
});

describe("aligning items by hand", () => {
  const text = "Harbour Notes\n\nThe tide tables disagree about the east wind, as water-proof charts do.";
  const codePoints = Array.from(text);
  const blocks: PageBlock[] = [
    { start: 0, end: 13, page: 1 },
    { start: 15, end: codePoints.length, page: 1 },
  ];

  it("skips running headers and page numbers, undoes a line-end hyphen and keeps a real one", () => {
    const items = [
      "Field Notes",
      "Harbour Notes",
      "The tide ta-",
      "bles disagree about",
      "the east wind, as water-",
      "proof charts do.",
      "7",
    ];
    const aligned = alignPage(codePoints, blocks, 1, items);
    expect(aligned[0]).toBeNull();
    expect(aligned[6]).toBeNull();
    expect(mappedText(codePoints, aligned[2]!)).toBe("Thetideta");
    expect(mappedText(codePoints, aligned[3]!)).toBe("blesdisagreeabout");
    expect(mappedText(codePoints, aligned[4]!)).toBe("theeastwind,aswater-");
    const start = text.indexOf("tables");
    expect(itemRangeWithin(aligned[2]!, start, start + 6)).toEqual([9, 11]);
    expect(itemRangeWithin(aligned[3]!, start, start + 6)).toEqual([0, 4]);
  });

  it("maps a ligature and an astral character to their code points", () => {
    const local = Array.from("ﬁ".normalize("NFKC") + "sh 𝔸 end");
    const aligned = alignPage(local, [{ start: 0, end: local.length, page: 1 }], 1, ["ﬁsh 𝔸 end"]);
    expect(Array.from(aligned[0]!)).toEqual([1, 2, 3, -1, 5, 5, -1, 7, 8, 9]);
    expect(endOffsetAt(aligned[0]!, 6)).toBe(6);
  });

  it("gives a page that starts inside a carried-over paragraph the paragraph before", () => {
    const paged: PageBlock[] = [
      { start: 0, end: 10, page: 1 },
      { start: 12, end: 50, page: 1 },
      { start: 52, end: 60, page: 3 },
    ];
    expect(pageWindow(paged, 1, 60)).toEqual({ start: 0, end: 50 });
    expect(pageWindow(paged, 2, 60)).toEqual({ start: 12, end: 50 });
    expect(pageWindow(paged, 3, 60)).toEqual({ start: 12, end: 60 });
  });
});

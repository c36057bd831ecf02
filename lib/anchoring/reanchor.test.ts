import { describe, expect, it } from "vitest";
import { readCorpus } from "@/tests/support/corpus";
import { judge, simulateAnnotations, simulateRevision } from "@/tests/support/simulate-revision";
import { CodePointIndex } from "./code-points";
import { reanchorAll, type AnchorInput, type AnchorResult } from "./reanchor";
import { describeQuote } from "./selectors";

function anchorFor(text: string, quote: string, occurrence = 0): AnchorInput {
  const [selector, position] = describeQuote(text, quote, occurrence)!;
  return {
    start: position.start,
    end: position.end,
    quote: selector.exact,
    prefix: selector.prefix,
    suffix: selector.suffix,
    hasPosition: true,
  };
}

const lin = readCorpus("lin-2023-axis-takes-shape.txt");
const kowalewski = readCorpus("kowalewski-2018-countering-encirclement.txt");

describe("reanchorAll", () => {
  it("keeps an untouched passage exactly, shifted by text inserted before it", () => {
    const anchor = anchorFor(lin, "Russia");
    const newText = `A new opening paragraph.\n${lin}`;
    const result = reanchorAll(lin, newText, [anchor])[0]!;
    expect(result).toMatchObject({
      status: "anchored",
      start: anchor.start + 25,
      end: anchor.end + 25,
      quote: "Russia",
    });
  });

  it("follows the second of two repeated phrases to its own place, not the first", () => {
    const anchor = anchorFor(lin, "Russia", 1);
    const firstEnd = lin.indexOf("Russia") + 6;
    // Edit between the two occurrences so positions shift.
    const newText = lin.slice(0, firstEnd) + " (the Russian Federation)" + lin.slice(firstEnd);
    const result = reanchorAll(lin, newText, [anchor])[0]!;
    expect(result.status).toBe("anchored");
    if (result.status !== "orphaned") expect(result.start).toBe(anchor.start + 25);
  });

  it("anchors quotes at the very start and the very end of the text", () => {
    const words = lin.trim().split(/\s+/);
    const head = anchorFor(lin, words.slice(0, 3).join(" "));
    const tailQuote = lin.trimEnd().slice(-40);
    const tail = anchorFor(lin, tailQuote);
    const newText = lin.replace(/\s+$/, "") + "\nAn added closing note.";
    const [first, last] = reanchorAll(lin, newText, [head, tail]) as [AnchorResult, AnchorResult];
    expect(first).toMatchObject({ status: "anchored", start: 0 });
    expect(last).toMatchObject({ status: "anchored", quote: tailQuote });
  });

  it("survives whitespace changes inside the quote as a moved anchor on the same words", () => {
    const sentence = lin
      .split("\n")
      .find((line) => line.length > 200)!
      .slice(0, 120);
    const anchor = anchorFor(lin, sentence);
    const newText = lin.replace(sentence, sentence.replace(/ /g, "  "));
    const result = reanchorAll(lin, newText, [anchor])[0]!;
    expect(result.status).toBe("moved");
    if (result.status !== "orphaned") expect(result.quote.replace(/\s+/g, " ")).toBe(sentence.trim());
  });

  it("anchors a CJK quote by code points and keeps the characters intact", () => {
    const anchor = anchorFor(kowalewski, "全面战略协作伙伴关系");
    const newText = "新的序言。\n" + kowalewski;
    const result = reanchorAll(kowalewski, newText, [anchor])[0]!;
    expect(result).toMatchObject({ status: "anchored", quote: "全面战略协作伙伴关系", start: anchor.start + 6 });
    const index = new CodePointIndex(newText);
    if (result.status !== "orphaned")
      expect(newText.slice(index.toUtf16(result.start), index.toUtf16(result.end))).toBe("全面战略协作伙伴关系");
  });

  it("counts astral characters as one code point when shifting offsets", () => {
    const anchor = anchorFor(lin, "Russia");
    const result = reanchorAll(lin, `😀${lin}`, [anchor])[0]!;
    expect(result).toMatchObject({ status: "anchored", start: anchor.start + 1 });
  });

  it("orphans a deleted sentence instead of jumping to a look-alike elsewhere", () => {
    const sentence = "China and Russia have deepened cooperation across many areas of policy.";
    const text = `${sentence} Some other words follow here.\nA middle paragraph about trade.\n${sentence.replace("many", "several")} The end.`;
    const anchor = anchorFor(text, sentence);
    const newText = text.slice(sentence.length + 1);
    const result = reanchorAll(text, newText, [anchor])[0]!;
    expect(result.status).toBe("orphaned");
  });

  it("re-finds a paragraph that moved elsewhere in the document", () => {
    const paragraphs = lin.split("\n").filter((line) => line.length > 100);
    const moved = paragraphs[1]!;
    const anchor = anchorFor(lin, moved.slice(20, 140));
    const newText = lin.replace(moved + "\n", "") + "\n" + moved;
    const result = reanchorAll(lin, newText, [anchor])[0]!;
    expect(result.status).not.toBe("orphaned");
    if (result.status !== "orphaned") expect(result.quote).toBe(moved.slice(20, 140));
  });

  it("re-finds an orphan whose words come back in a later revision", () => {
    const anchor = { ...anchorFor(lin, lin.split("\n")[2]!.slice(0, 80)), hasPosition: false };
    const result = reanchorAll("", lin, [anchor])[0]!;
    expect(result.status).toBe("moved");
  });

  it("places no annotation in the wrong place over a simulated revision of a real report", () => {
    const text = readCorpus("forum-2022-alliance-tightening.txt");
    const revision = simulateRevision(text);
    const annotations = simulateAnnotations(text, 300);
    const results = reanchorAll(
      text,
      revision.text,
      annotations.map((annotation) => ({ ...annotation, hasPosition: true })),
    );
    const oldIndex = new CodePointIndex(text);
    const newIndex = new CodePointIndex(revision.text);
    const verdicts = results.map((result, index) => {
      const { start, end } = annotations[index]!;
      const found =
        result.status === "orphaned"
          ? null
          : { start: newIndex.toUtf16(result.start), end: newIndex.toUtf16(result.end) };
      return judge(revision, oldIndex.toUtf16(start), oldIndex.toUtf16(end), found);
    });
    expect(verdicts.filter((verdict) => verdict === "wrong")).toHaveLength(0);
    expect(verdicts.filter((verdict) => verdict === "right").length).toBeGreaterThan(250);
  });
});

describe("simulateRevision", () => {
  it("keeps the unedited characters and maps them to their new places", () => {
    const revision = simulateRevision(lin);
    expect(revision.text).not.toBe(lin);
    for (let index = 0; index < lin.length; index += 1) {
      const mapped = revision.newIndexOf[index]!;
      if (mapped >= 0 && !/\s/.test(lin[index]!)) expect(revision.text[mapped]).toBe(lin[index]);
    }
  });
});

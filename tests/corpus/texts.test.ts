import { describe, expect, it } from "vitest";
import { reanchorAll } from "@/lib/anchoring/reanchor";
import { codePointLength, describeQuote } from "@/lib/anchoring/selectors";
import { extractPlainText } from "@/lib/documents/import/from-text";
import { segmentText } from "@/lib/reader/segment-text";
import { reanchorVerdicts, simulateRevision } from "../support/simulate-revision";
import { readCorpus } from "../support/corpus";

// The same checks as the default suite's, on the real commentaries of the
// shared corpus: their title pages, their Unicode, their length.
const CJK = "全面战略协作伙伴关系";
const kowalewski = readCorpus("kowalewski-2018-countering-encirclement.txt");
const lin = readCorpus("lin-2023-axis-takes-shape.txt");

describe("plain-text metadata of the corpus", () => {
  it("reads title, byline and date from Kowalewski's title page and leaves the text untouched", () => {
    const extracted = extractPlainText(kowalewski);
    expect(extracted).toMatchObject({
      title: "Chinese-Russian Defense and Security Ties: Countering US Encirclement",
      authors: ["Annie Kowalewski"],
      published: { at: new Date("2018-06-04T00:00:00Z"), precision: "day" },
    });
    expect(extracted.text).toBe(kowalewski);
  });

  it("takes Lin's and Istomin's heading lines as titles and finds none in the forum report", () => {
    expect(extractPlainText(lin).title).toBe("The China-Russia Axis Takes Shape");
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

describe("selectors and segments over the corpus", () => {
  it("describes the CJK quote in Kowalewski with position and context, and paints it once", () => {
    const [quote, position] = describeQuote(kowalewski, CJK)!;
    expect(position.end - position.start).toBe(10);
    expect(Array.from(kowalewski).slice(position.start, position.end).join("")).toBe(CJK);
    expect(codePointLength(quote.prefix)).toBeLessThanOrEqual(32);
    expect(kowalewski).toContain(quote.prefix + quote.exact + quote.suffix);
    const paragraphs = segmentText(kowalewski, [{ id: "cjk", start: position.start, end: position.end, color: null }]);
    const marked = paragraphs
      .flatMap((paragraph) => paragraph.segments)
      .filter((segment) => segment.ids.includes("cjk"));
    expect(marked.map((segment) => segment.text).join("")).toBe(CJK);
    expect(paragraphs.flatMap((paragraph) => paragraph.segments.map((segment) => segment.text)).join("")).toBe(
      kowalewski.replace(/\n/g, ""),
    );
  });
});

describe("re-anchoring over the corpus", () => {
  it("places no annotation in the wrong place over a simulated revision of the forum report", () => {
    const text = readCorpus("forum-2022-alliance-tightening.txt");
    const verdicts = reanchorVerdicts(text, 300);
    expect(verdicts.filter((verdict) => verdict === "wrong")).toHaveLength(0);
    expect(verdicts.filter((verdict) => verdict === "right").length).toBeGreaterThan(250);
  });

  it("anchors Kowalewski's CJK quote by code points after an opening is added", () => {
    const [selector, position] = describeQuote(kowalewski, CJK)!;
    const anchor = { ...selector, quote: selector.exact, start: position.start, end: position.end, hasPosition: true };
    const newText = "新的序言。\n" + kowalewski;
    const result = reanchorAll(kowalewski, newText, [anchor])[0]!;
    expect(result).toMatchObject({ status: "anchored", quote: CJK, start: position.start + 6 });
  });

  it("keeps the unedited characters of Lin's essay in a simulated revision", () => {
    const revision = simulateRevision(lin);
    expect(revision.text).not.toBe(lin);
    for (let index = 0; index < lin.length; index += 1) {
      const mapped = revision.newIndexOf[index]!;
      if (mapped >= 0 && !/\s/.test(lin[index]!)) expect(revision.text[mapped]).toBe(lin[index]);
    }
  });
});

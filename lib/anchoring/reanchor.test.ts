import { describe, expect, it } from "vitest";
import { generateLongText } from "@/tests/fixtures/long-text";
import { CJK_TERM, readFixture, REPEATED_PARAGRAPH } from "@/tests/fixtures/texts";
import { reanchorVerdicts, simulateRevision } from "@/tests/support/simulate-revision";
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

const essay = readFixture("axis");
const report = readFixture("titlePage");

describe("reanchorAll", () => {
  it("keeps an untouched passage exactly, shifted by text inserted before it", () => {
    const anchor = anchorFor(essay, "Russia");
    const newText = `A new opening paragraph.\n${essay}`;
    const result = reanchorAll(essay, newText, [anchor])[0]!;
    expect(result).toMatchObject({
      status: "anchored",
      start: anchor.start + 25,
      end: anchor.end + 25,
      quote: "Russia",
    });
  });

  it("follows the second of two repeated phrases to its own place, not the first", () => {
    const anchor = anchorFor(essay, "Russia", 1);
    const firstEnd = essay.indexOf("Russia") + 6;
    // Edit between the two occurrences so positions shift.
    const newText = essay.slice(0, firstEnd) + " (the Russian Federation)" + essay.slice(firstEnd);
    const result = reanchorAll(essay, newText, [anchor])[0]!;
    expect(result.status).toBe("anchored");
    if (result.status !== "orphaned") expect(result.start).toBe(anchor.start + 25);
  });

  it("anchors quotes at the very start and the very end of the text", () => {
    const words = essay.trim().split(/\s+/);
    const head = anchorFor(essay, words.slice(0, 3).join(" "));
    const tailQuote = essay.trimEnd().slice(-40);
    const tail = anchorFor(essay, tailQuote);
    const newText = essay.replace(/\s+$/, "") + "\nAn added closing note.";
    const [first, last] = reanchorAll(essay, newText, [head, tail]) as [AnchorResult, AnchorResult];
    expect(first).toMatchObject({ status: "anchored", start: 0 });
    expect(last).toMatchObject({ status: "anchored", quote: tailQuote });
  });

  it("survives whitespace changes inside the quote as a moved anchor on the same words", () => {
    const sentence = essay
      .split("\n")
      .find((line) => line.length > 200)!
      .slice(0, 120);
    const anchor = anchorFor(essay, sentence);
    const newText = essay.replace(sentence, sentence.replace(/ /g, "  "));
    const result = reanchorAll(essay, newText, [anchor])[0]!;
    expect(result.status).toBe("moved");
    if (result.status !== "orphaned") expect(result.quote.replace(/\s+/g, " ")).toBe(sentence.trim());
  });

  it("anchors a CJK quote by code points and keeps the characters intact", () => {
    const anchor = anchorFor(report, CJK_TERM);
    const newText = "新的序言。\n" + report;
    const result = reanchorAll(report, newText, [anchor])[0]!;
    expect(result).toMatchObject({ status: "anchored", quote: CJK_TERM, start: anchor.start + 6 });
    const index = new CodePointIndex(newText);
    if (result.status !== "orphaned")
      expect(newText.slice(index.toUtf16(result.start), index.toUtf16(result.end))).toBe(CJK_TERM);
  });

  it("counts astral characters as one code point when shifting offsets", () => {
    const anchor = anchorFor(essay, "Russia");
    const result = reanchorAll(essay, `😀${essay}`, [anchor])[0]!;
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
    const paragraphs = essay.split("\n").filter((line) => line.length > 100);
    const moved = paragraphs[1]!;
    const anchor = anchorFor(essay, moved.slice(20, 140));
    const newText = essay.replace(moved + "\n", "") + "\n" + moved;
    const result = reanchorAll(essay, newText, [anchor])[0]!;
    expect(result.status).not.toBe("orphaned");
    if (result.status !== "orphaned") expect(result.quote).toBe(moved.slice(20, 140));
  });

  it("re-finds an orphan whose words come back in a later revision", () => {
    const anchor = { ...anchorFor(essay, essay.split("\n")[2]!.slice(0, 80)), hasPosition: false };
    const result = reanchorAll("", essay, [anchor])[0]!;
    expect(result.status).toBe("moved");
  });

  it("follows the second copy of a repeated paragraph to its own place, not the first", () => {
    const notes = readFixture("notes");
    const anchor = anchorFor(notes, REPEATED_PARAGRAPH, 1);
    const firstEnd = notes.indexOf(REPEATED_PARAGRAPH) + REPEATED_PARAGRAPH.length;
    const newText = `${notes.slice(0, firstEnd)} A sentence added after the first copy.${notes.slice(firstEnd)}`;
    const result = reanchorAll(notes, newText, [anchor])[0]!;
    expect(result).toMatchObject({ status: "anchored", start: anchor.start + 39, quote: REPEATED_PARAGRAPH });
  });

  it("keeps a passage that lost more than half of itself inside what survived, not in the next paragraph", () => {
    const passage =
      "The council weighed the harbour levy through a whole wet season before the guild of pilots closed the estuary to every barge and ferry in protest.";
    const text = `The levy was first raised in the spring of that year. ${passage}\n\nHow strong are the finances of the guild? Nobody outside it knows.`;
    const kept = "The council weighed the harbour levy through a whole wet season";
    expect(kept.length * 2).toBeLessThan(passage.length);
    expect(kept.length * 3).toBeGreaterThan(passage.length);
    // The end of the passage is cut; the next paragraph opens with a new sentence of common words.
    const inserted =
      "In the view of the pilots and of the ferry crews the levy was a tax on the whole of the river trade. ";
    const newText = text.replace(passage, `${kept}.`).replace("How strong", `${inserted}How strong`);
    const result = reanchorAll(text, newText, [anchorFor(text, passage)])[0]!;
    expect(result.status).toBe("moved");
    if (result.status === "orphaned") return;
    expect(result.quote).not.toContain("\n");
    expect(kept.startsWith(result.quote) || `${kept}.`.startsWith(result.quote)).toBe(true);
  });

  it("trims a passage found elsewhere to the words that match, not the paragraph after them", () => {
    const title = "Alliances That Matter Now: trade blocs are getting things done while the forum stalls.";
    const lead = "In March the editors wrote again. Cover text reads: ";
    const cover = `${lead}${title}\n\nThe cover showed two hands.`;
    const text = `${lead}${title}\n\nChina and Russia signed nothing new.\n\n${cover}\n\nThe end.`;
    const passage = `${title}\n\nThe cover`;
    // The cover's paragraph goes; the same title, followed by another paragraph, stays.
    const newText = text.replace(`${cover}\n\n`, "");
    const result = reanchorAll(text, newText, [anchorFor(text, passage)])[0]!;
    expect(result).toMatchObject({ status: "moved", quote: title, start: lead.length });
  });

  it("places no annotation in the wrong place over a simulated revision of a long report", () => {
    const text = generateLongText();
    expect(text.length).toBeGreaterThan(30_000);
    expect(text).toMatch(/[а-я].*[\u4e00-\u9fff]|[\u4e00-\u9fff].*[а-я]/s);
    const verdicts = reanchorVerdicts(text, 300);
    expect(verdicts.filter((verdict) => verdict === "wrong")).toHaveLength(0);
    expect(verdicts.filter((verdict) => verdict === "right").length).toBeGreaterThan(250);
  });
});

describe("simulateRevision", () => {
  it("keeps the unedited characters and maps them to their new places", () => {
    const revision = simulateRevision(essay);
    expect(revision.text).not.toBe(essay);
    for (let index = 0; index < essay.length; index += 1) {
      const mapped = revision.newIndexOf[index]!;
      if (mapped >= 0 && !/\s/.test(essay[index]!)) expect(revision.text[mapped]).toBe(essay[index]);
    }
  });
});

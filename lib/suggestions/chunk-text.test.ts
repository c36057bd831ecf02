import { describe, expect, it } from "vitest";
import { chunkText } from "./chunk-text";

const cut = (text: string) => chunkText(text).map(({ start, end }) => Array.from(text).slice(start, end).join(""));

describe("chunkText", () => {
  it("cuts sentences into passages, joins short ones to the next, never across a paragraph", () => {
    const text =
      "Not so. The summit produced a statement on energy that both sides had drafted for months in advance.\n" +
      "A new paragraph begins with a sentence that is long enough to stand on its own here. Short one.";
    expect(cut(text)).toEqual([
      "Not so. The summit produced a statement on energy that both sides had drafted for months in advance.",
      "A new paragraph begins with a sentence that is long enough to stand on its own here.",
      "Short one.",
    ]);
  });

  it("does not end a sentence at an abbreviation followed by a lower-case word", () => {
    const text = "Trade in the U.S. dollar fell sharply over the decade, said the report on sanctions and payments.";
    expect(cut(text)).toEqual([text]);
  });

  it("gives code-point offsets past astral characters", () => {
    const text =
      "😀😀 An emoji opens this rather long sentence, which goes on for quite a while longer. Then another sentence that is also long enough to stand alone.";
    const chunks = chunkText(text);
    expect(chunks[1]!.start).toBe(Array.from(text).indexOf("T"));
    expect(cut(text)[1]).toBe("Then another sentence that is also long enough to stand alone.");
  });

  it("keeps at most three short sentences together", () => {
    expect(cut("One. Two. Three. Four. Five.")).toEqual(["One. Two. Three.", "Four. Five."]);
  });
});

import { describe, expect, it } from "vitest";
import { relationHint } from "./relation-hint";
import { PassageCorpus, reasonFor } from "./scorer";

const unit = (values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values.map((value) => value / norm));
};

describe("PassageCorpus", () => {
  const corpus = new PassageCorpus([
    { text: "The treaty creates no alliance between the two capitals.", vector: unit([1, 0, 0]) },
    { text: "Fishermen reported a good season on the northern coast.", vector: unit([0, 1, 0]) },
    { text: "Neither side owes the other help if war breaks out.", vector: unit([0.9, 0.1, 0]) },
    { text: "Alliances between capitals rarely last.", vector: unit([0.2, 0.8, 0]) },
  ]);

  it("ranks the same words above the same stems, and says which terms it shares as each passage writes them", () => {
    const [first, second] = corpus.rank({ text: "an alliance of capitals" }, 3, () => true);
    expect([first!.index, second!.index]).toEqual([0, 3]);
    expect(reasonFor(first!)).toBe("shared terms: alliance, capitals");
    expect(reasonFor(second!)).toBe("shared terms: alliances, capitals");
  });

  it("brings in a passage with no word in common by meaning, and calls it a paraphrase", () => {
    const ranked = corpus.rank({ text: "an enduring bond", vector: unit([1, 0.05, 0]) }, 4, (index) => index !== 0);
    expect(ranked[0]!.index).toBe(2);
    expect(reasonFor(ranked[0]!)).toBe("similar meaning (paraphrase)");
    // Below the floor of meaning and with no shared word, a passage is not suggested at all.
    expect(ranked.map((item) => item.index)).not.toContain(1);
  });

  it("ranks a passage that shares only a thesaurus concept, and names the related words", () => {
    const ranked = corpus.rank({ text: "a formal pact" }, 4, () => true);
    expect(
      ranked
        .map((item) => item.index)
        .slice(0, 2)
        .sort(),
    ).toEqual([0, 3]);
    expect(reasonFor(ranked.find((item) => item.index === 0)!)).toBe("related terms: treaty, alliance");
    expect(ranked.map((item) => item.index)).not.toContain(1);
  });

  it("leaves out what the filter refuses", () => {
    expect(corpus.rank({ text: "alliance" }, 5, (index) => index !== 3).map((item) => item.index)).toEqual([0]);
  });
});

describe("relationHint", () => {
  const close = { index: 0, score: 1, lexical: 1, cosine: 0.8, sharedWords: [] };
  it("hints a contradiction when one side only denies, agreement otherwise, nothing when not close", () => {
    expect(relationHint("They formed an alliance.", "They never formed an alliance.", close)).toBe("contradicts?");
    expect(relationHint("No alliance exists.", "Neither has broached an alliance.", close)).toBe("agrees?");
    expect(relationHint("They formed an alliance.", "They never did.", { ...close, cosine: 0.3 })).toBeUndefined();
  });
});

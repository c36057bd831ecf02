import { describe, expect, it } from "vitest";
import { conceptsOf, conceptTerms } from "./thesaurus";
import { stems } from "./tokenize";

describe("the shipped thesaurus", () => {
  it("puts words of one concept together whatever their inflection, negation included", () => {
    const concept = (word: string) => conceptsOf(stems(word)[0]!);
    expect(concept("treaties")).toContain("~alliance");
    expect(concept("pact")).toContain("~alliance");
    expect(concept("mistrusted")).toEqual(concept("distrust"));
    expect(concept("suspicions")).toContain("~trust");
    expect(concept("obligations")).toEqual(concept("commitments"));
  });

  it("knows nothing of words outside international relations", () => {
    expect(conceptTerms(stems("fishermen reported a good season on the coast"))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { findMatches, firstMatchInCodePoints, searchForm, snippetHtml, SNIPPET_WIDTH } from "./snippets";

describe("snippets", () => {
  const text = "A “no limits” partnership 🤝 — Russia’s “trust” and 全面战略协作伙伴关系 & <institutions>.";

  it("finds stems, prefixes and CJK bigrams in the original text", () => {
    const matches = findMatches(text, [
      { lexeme: "limit", isPrefix: false },
      { lexeme: "russia", isPrefix: false },
      { lexeme: "战略", isPrefix: false },
      { lexeme: "institut", isPrefix: true },
    ]);
    expect(matches.map((match) => text.slice(match.start, match.end))).toEqual([
      "limits",
      "Russia",
      "战略",
      "institutions",
    ]);
    // Offsets in code points: the emoji before "Russia" counts once.
    const russia = firstMatchInCodePoints(text, [matches[1]!])!;
    expect(Array.from(text).slice(russia.start, russia.end).join("")).toBe("Russia");
  });

  it("escapes everything but the marks and cuts at word boundaries", () => {
    const html = snippetHtml(text, findMatches(text, [{ lexeme: "institut", isPrefix: true }]), 40);
    expect(html).toMatch(/^… /);
    expect(html).toContain("&#38; &#60;<mark>institutions</mark>&#62;.");
    const long = `${"word ".repeat(100)}target ${"tail ".repeat(100)}`;
    const cut = snippetHtml(long, findMatches(long, [{ lexeme: "target", isPrefix: false }]), 60);
    expect(cut).toMatch(/^… (word )+<mark>target<\/mark>( tail)+ …$/);
  });

  it("stops looking past what a snippet can show of a long passage", () => {
    const long = `target ${"word ".repeat(100)}target tail`;
    const matches = findMatches(long, [{ lexeme: "target", isPrefix: false }]);
    expect(matches).toEqual([{ start: 0, end: 6 }]);
    expect(findMatches(long, [{ lexeme: "target", isPrefix: false }], Infinity)).toHaveLength(2);
    const html = snippetHtml(long, matches);
    expect(html.length).toBeLessThan(SNIPPET_WIDTH + 40);
  });

  it("folds plain ASCII words as it folds the rest", () => {
    for (const word of ["Russia", "NATO", "x-y", "Ée", "Ｆｕｌｌ", "Straße"])
      expect(searchForm(word)).toBe(
        word
          .normalize("NFKC")
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase()
          .normalize("NFC"),
      );
  });
});

import { describe, expect, it } from "vitest";
import { matrixCellLabel } from "./report-matrix";
import { shortQuote } from "./report-summary";

describe("shortQuote", () => {
  it("cuts after a whole word, never inside one, and drops trailing punctuation", () => {
    expect(shortQuote("The U.S.-led World Order is fading fast", 16)).toBe("The U.S.-led…");
    expect(shortQuote("Tides rise, walls crack, towns argue", 13)).toBe("Tides rise…");
    expect(shortQuote("short enough", 80)).toBe("short enough");
  });

  it("keeps a word that ends exactly at the limit, and cuts text without spaces by characters", () => {
    expect(shortQuote("sea walls hold", 9)).toBe("sea walls…");
    expect(shortQuote("全面战略协作伙伴关系", 5)).toBe("全面战略…");
  });
});

describe("matrixCellLabel", () => {
  const cell = {
    claimId: "c",
    documentId: "d",
    passageIds: ["a", "b"],
    passages: [],
    supports: 1,
    opposes: 1,
    qualifies: 0,
  };
  it("says the stance and how many passages carry it", () => {
    expect(matrixCellLabel({ ...cell, stance: "mixed" })).toBe("mixed (1 supports, 1 opposes)");
    expect(matrixCellLabel({ ...cell, stance: "supports", opposes: 0, passageIds: ["a"] })).toBe(
      "supports (1 passage)",
    );
    expect(matrixCellLabel(null)).toBe("—");
  });
});

import { describe, expect, it } from "vitest";
import { claimSimilarity, isNearDuplicateClaim } from "./claim-similarity";

describe("near-duplicate claims", () => {
  it("ignores case, punctuation, accents, word order, function words and plurals", () => {
    expect(claimSimilarity("China and Russia are allies", "Russia and China are allies.")).toBe(1);
    expect(isNearDuplicateClaim("The partnership is an alliance", "Partnership: an ALLIANCE!")).toBe(true);
    expect(isNearDuplicateClaim("Sanctions failed", "The sanction failed")).toBe(true);
    expect(isNearDuplicateClaim("Détente is over", "Detente is over")).toBe(true);
  });

  it("takes one added word as the same claim, a changed or negated point as another", () => {
    expect(
      isNearDuplicateClaim(
        "Moscow and Beijing form a military alliance",
        "Moscow and Beijing form a formal military alliance",
      ),
    ).toBe(true);
    expect(isNearDuplicateClaim("Moscow and Beijing form an alliance", "Moscow and Beijing avoid an alliance")).toBe(
      false,
    );
    expect(isNearDuplicateClaim("Energy ties deepen", "Arms sales deepen")).toBe(false);
  });
});

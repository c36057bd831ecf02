import { describe, expect, it } from "vitest";
import { deriveClaimMatrix } from "./derive-stances";

const alliance = "is-it-an-alliance";

describe("deriveClaimMatrix", () => {
  it("uses stated stances and carries them across links (contradicts flips, agrees keeps)", () => {
    const cells = deriveClaimMatrix(
      [{ claimId: alliance, annotationId: "lin-axis", documentId: "lin", stance: "supports" }],
      [
        {
          fromAnnotationId: "istomin-no-alliance",
          fromDocumentId: "istomin",
          toAnnotationId: "lin-axis",
          toDocumentId: "lin",
          relation: "contradicts",
        },
        {
          fromAnnotationId: "lin-axis",
          fromDocumentId: "lin",
          toAnnotationId: "forum-bloc",
          toDocumentId: "forum",
          relation: "agrees",
        },
      ],
    );
    const stanceOf = (documentId: string) => cells.find((cell) => cell.documentId === documentId)?.stance;
    expect(stanceOf("lin")).toBe("supports");
    expect(stanceOf("istomin")).toBe("opposes");
    expect(stanceOf("forum")).toBe("supports");
  });

  it("calls a document mixed when its passages disagree, and a stated stance wins over a derived one", () => {
    const cells = deriveClaimMatrix(
      [
        { claimId: alliance, annotationId: "a1", documentId: "doc", stance: "supports" },
        { claimId: alliance, annotationId: "a2", documentId: "doc", stance: "opposes" },
        { claimId: alliance, annotationId: "b1", documentId: "other", stance: "opposes" },
      ],
      [
        {
          fromAnnotationId: "a1",
          fromDocumentId: "doc",
          toAnnotationId: "b1",
          toDocumentId: "other",
          relation: "agrees",
        },
      ],
    );
    expect(cells.find((cell) => cell.documentId === "doc")).toMatchObject({ stance: "mixed", supports: 1, opposes: 1 });
    expect(cells.find((cell) => cell.documentId === "other")).toMatchObject({
      stance: "opposes",
      supports: 0,
      opposes: 1,
    });
  });

  it("leaves out documents with nothing to say about a claim", () => {
    expect(
      deriveClaimMatrix(
        [],
        [{ fromAnnotationId: "x", fromDocumentId: "d1", toAnnotationId: "y", toDocumentId: "d2", relation: "agrees" }],
      ),
    ).toEqual([]);
  });

  it("carries a stance to a passage two placed passages link to from the earlier link, whatever their order", () => {
    const link = (from: string, to: string, relation = "agrees") => ({
      fromAnnotationId: from,
      fromDocumentId: `doc-${from}`,
      toAnnotationId: to,
      toDocumentId: "doc-far",
      relation,
    });
    const placed = [
      { claimId: alliance, annotationId: "a", documentId: "doc-a", stance: "supports" as const },
      { claimId: alliance, annotationId: "b", documentId: "doc-b", stance: "opposes" as const },
    ];
    const farStance = (links: ReturnType<typeof link>[]) =>
      deriveClaimMatrix(placed, links).find((cell) => cell.documentId === "doc-far")?.stance;
    expect(farStance([link("b", "far"), link("a", "far")])).toBe("opposes");
    expect(farStance([link("a", "far"), link("b", "far")])).toBe("supports");
    expect(farStance([link("x", "y"), link("b", "far", "contradicts"), link("a", "far")])).toBe("supports");
  });
});

import { describe, expect, it } from "vitest";
import { linkBadges } from "./link-summary";
import type { PassageLink } from "./types";

const passage = (annotationId: string, documentId: string) => ({
  annotationId,
  documentId,
  documentTitle: documentId,
  quote: "",
  start: 0,
  end: 1,
  anchorStatus: "anchored",
});
const link = (
  id: string,
  relation: PassageLink["relation"],
  from: [string, string],
  to: [string, string],
): PassageLink => ({
  id,
  relation,
  rationale: "",
  rationaleHtml: "",
  status: "visible",
  needsReview: false,
  isLocked: false,
  score: 0,
  replyCount: 0,
  creator: { id: "u", name: "U" },
  from: passage(...from),
  to: passage(...to),
  createdAt: "",
});

describe("linkBadges", () => {
  it("counts the passages at the other end and their documents, per relation, in either direction", () => {
    const links = [
      link("l1", "contradicts", ["istomin-1", "istomin"], ["axis", "lin"]),
      link("l2", "contradicts", ["axis", "lin"], ["forum-1", "forum"]),
      link("l3", "agrees", ["kowalewski-1", "kowalewski"], ["axis", "lin"]),
    ];
    expect(linkBadges("axis", links)).toEqual([
      { relation: "contradicts", text: "Contradicted by 2 passages in 2 documents" },
      { relation: "agrees", text: "Agreed with by 1 passage in 1 document" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { filterMap, NO_MAP_FILTERS, type MapLink, type MapPassage } from "./filter-map";

const passage = (id: string, documentId: string, tags: string[] = [], creatorId = "ada"): MapPassage => ({
  id,
  documentId,
  quote: id,
  tags,
  creator: { id: creatorId, name: creatorId },
});
const passages = [
  passage("axis", "lin", ["alliance"]),
  passage("no-alliance", "istomin", [], "bo"),
  passage("bloc", "forum"),
  passage("lonely", "forum", ["alliance"]),
];
const links: MapLink[] = [
  {
    id: "l1",
    from: "no-alliance",
    to: "axis",
    relation: "contradicts",
    creatorId: "bo",
    rationale: "",
    rationaleHtml: "",
  },
  { id: "l2", from: "bloc", to: "axis", relation: "agrees", creatorId: "ada", rationale: "", rationaleHtml: "" },
];
const ids = (result: ReturnType<typeof filterMap>) => ({
  passages: result.passages.map((p) => p.id).sort(),
  links: result.links.map((l) => l.id).sort(),
});

describe("filterMap", () => {
  it("keeps everything without filters", () => {
    expect(ids(filterMap(passages, links, NO_MAP_FILTERS))).toEqual({
      passages: ["axis", "bloc", "lonely", "no-alliance"],
      links: ["l1", "l2"],
    });
  });
  it("filters links by relation and keeps only their ends", () => {
    expect(ids(filterMap(passages, links, { ...NO_MAP_FILTERS, relation: "contradicts" }))).toEqual({
      passages: ["axis", "no-alliance"],
      links: ["l1"],
    });
  });
  it("keeps the other end of links from passages with the tag", () => {
    expect(ids(filterMap(passages, links, { ...NO_MAP_FILTERS, tag: "alliance" }))).toEqual({
      passages: ["axis", "bloc", "lonely", "no-alliance"],
      links: ["l1", "l2"],
    });
    expect(ids(filterMap(passages, links, { ...NO_MAP_FILTERS, documentId: "istomin" }))).toEqual({
      passages: ["axis", "no-alliance"],
      links: ["l1"],
    });
  });
  it("filters by author of the link or of a passage", () => {
    expect(ids(filterMap(passages, links, { ...NO_MAP_FILTERS, authorId: "bo" }))).toEqual({
      passages: ["axis", "no-alliance"],
      links: ["l1"],
    });
  });
});

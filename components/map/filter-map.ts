// The map's filters: which passages and links to draw.
export type MapPassage = {
  id: string;
  documentId: string;
  quote: string;
  tags: string[];
  creator: { id: string; name: string };
};
export type MapLink = {
  id: string;
  from: string;
  to: string;
  relation: string;
  creatorId: string;
  rationale: string;
  rationaleHtml: string;
};
export type MapFilters = { relation: string; tag: string; documentId: string; authorId: string };
export const NO_MAP_FILTERS: MapFilters = { relation: "", tag: "", documentId: "", authorId: "" };

// A link stays when it has the relation and its author (or an end's author) is the one asked for;
// a passage stays when it matches the tag and document filters, or is the other end of a
// link from one that does (so a filtered map still shows what each passage is argued against).
export function filterMap(passages: MapPassage[], links: MapLink[], filters: MapFilters) {
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  const matches = (passage: MapPassage | undefined) =>
    Boolean(passage) &&
    (!filters.tag || passage!.tags.includes(filters.tag)) &&
    (!filters.documentId || passage!.documentId === filters.documentId);
  const keptLinks = links.filter((link) => {
    if (filters.relation && link.relation !== filters.relation) return false;
    if (
      filters.authorId &&
      link.creatorId !== filters.authorId &&
      byId.get(link.from)?.creator.id !== filters.authorId &&
      byId.get(link.to)?.creator.id !== filters.authorId
    )
      return false;
    return matches(byId.get(link.from)) || matches(byId.get(link.to));
  });
  const hasLinkFilter = Boolean(filters.relation || filters.authorId);
  const keptIds = new Set(keptLinks.flatMap((link) => [link.from, link.to]));
  const keptPassages = passages.filter(
    (passage) =>
      keptIds.has(passage.id) ||
      (!hasLinkFilter && matches(passage) && (!filters.authorId || passage.creator.id === filters.authorId)),
  );
  return { passages: keptPassages, links: keptLinks };
}

import type { PassageLink } from "./types";
import { RELATION_PASSIVE, RELATIONS, type Relation } from "./vocabulary";

export type LinkBadge = { relation: Relation; text: string };

// "contradicted by 2 passages in 2 documents": one badge per relation, counting the other ends.
export function linkBadges(annotationId: string, links: PassageLink[]): LinkBadge[] {
  const badges: LinkBadge[] = [];
  for (const relation of RELATIONS) {
    const others = links
      .filter((link) => link.relation === relation)
      .map((link) => (link.from.annotationId === annotationId ? link.to : link.from));
    if (!others.length) continue;
    const documents = new Set(others.map((other) => other.documentId)).size;
    const passages = others.length === 1 ? "1 passage" : `${others.length} passages`;
    badges.push({
      relation,
      text: `${capitalize(RELATION_PASSIVE[relation])} ${passages} in ${documents === 1 ? "1 document" : `${documents} documents`}`,
    });
  }
  return badges;
}

const capitalize = (text: string) => text[0]!.toUpperCase() + text.slice(1);

// Links by the annotations at either end, for the cards of one document.
export function linksByAnnotation(links: PassageLink[]): Map<string, PassageLink[]> {
  const byAnnotation = new Map<string, PassageLink[]>();
  for (const link of links) {
    for (const id of new Set([link.from.annotationId, link.to.annotationId]))
      byAnnotation.set(id, [...(byAnnotation.get(id) ?? []), link]);
  }
  return byAnnotation;
}

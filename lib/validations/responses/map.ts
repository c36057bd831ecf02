// Response shapes: the debate map's overview (document clusters, aggregated links) and one cluster opened.
import { z } from "zod";
import { LINK_RELATIONS } from "@/lib/validations/debate";
import { described, integer, named, UserRef } from "./common";

export const MapOverview = named(
  "MapOverview",
  z.object({
    clusters: described(
      z.array(
        z.object({
          id: z.string(),
          kind: z.enum(["document", "others"]),
          title: z.string(),
          links: integer,
          passages: integer,
        }),
      ),
      "Documents with visible links, most linked first: the links touching each and its linked passages. The documents over the limit are one last cluster (kind others, id `others`)",
    ),
    edges: described(
      z.array(z.object({ from: z.string(), to: z.string(), relation: z.enum(LINK_RELATIONS), count: integer })),
      "Every visible link, counted per pair of clusters (from → to) and relation",
    ),
    totals: z.object({ documents: integer, links: integer }),
    others: described(
      z.object({ documents: integer, links: integer }),
      "Documents over the limit, drawn together as the `others` cluster, and the links touching them",
    ),
  }),
);

export const MapDocument = named(
  "MapDocument",
  z.object({
    document: z.object({ id: z.string(), title: z.string() }),
    documents: described(
      z.array(z.object({ id: z.string(), title: z.string() })),
      "This document and those at the other ends of its links",
    ),
    passages: z.array(
      z.object({
        id: z.string(),
        documentId: z.string(),
        quote: z.string(),
        tags: z.array(z.string()),
        creator: UserRef,
      }),
    ),
    links: z.array(
      z.object({
        id: z.string(),
        from: z.string(),
        to: z.string(),
        relation: z.enum(LINK_RELATIONS),
        creatorId: z.string(),
        rationale: z.string(),
        rationaleHtml: z.string(),
      }),
    ),
    totals: described(
      z.object({ passages: integer, links: integer }),
      "This document's passages (linked ones, or all with all=1) and the links touching them",
    ),
    leftOut: described(
      z.object({ passages: integer, links: integer }),
      "Passages over the limit of one opened cluster, and their links, not drawn",
    ),
  }),
);

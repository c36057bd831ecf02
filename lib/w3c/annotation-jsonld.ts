// The one serializer of a passage (an annotation on a document or a web source) as a W3C Web
// Annotation (https://www.w3.org/TR/annotation-model/): used by the JSON-LD export and by the
// Web Annotation Protocol server. Pure: the caller chooses the annotation's IRI and its source.

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export type PassageForJsonLd = {
  body: string;
  tags: string[];
  createdAt: Date | string;
  updatedAt: Date | string;
  creator: { id?: string; name: string };
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  // The page its start is on, in a paginated source.
  page?: number | null;
  canonical?: string | null;
  via?: string | null;
};

export type PassageTarget =
  // A workspace document: the quote and its code-point offsets in the document's text.
  | { kind: "document"; source: string }
  // A web source: the page's IRI and the selectors the annotation came with (no stored text).
  | { kind: "webSource"; source: string; selectors: unknown };

const iso = (value: Date | string) => (typeof value === "string" ? value : value.toISOString());

export const personJsonLd = (baseUrl: string, name: string, id?: string) => ({
  ...(id ? { id: `${baseUrl}/users/${id}` } : {}),
  type: "Person",
  name,
});

function targetSelectors(passage: PassageForJsonLd, target: PassageTarget): object[] {
  if (target.kind === "webSource") return Array.isArray(target.selectors) ? (target.selectors as object[]) : [];
  return [
    { type: "TextQuoteSelector", exact: passage.quote, prefix: passage.prefix, suffix: passage.suffix },
    { type: "TextPositionSelector", start: passage.start, end: passage.end },
    // In a paginated source, also the page its start is on (RFC 3778 fragment), refined by the
    // quote within that page. TextPositionSelector counts over the whole text, so it does not
    // refine the page; the quote does.
    ...(passage.page !== null && passage.page !== undefined
      ? [
          {
            type: "FragmentSelector",
            conformsTo: "http://tools.ietf.org/rfc/rfc3778",
            value: `page=${passage.page}`,
            refinedBy: { type: "TextQuoteSelector", exact: passage.quote },
          },
        ]
      : []),
  ];
}

// commenting or highlighting, the body as Markdown and each tag a tagging body.
export function passageJsonLd(passage: PassageForJsonLd, id: string, target: PassageTarget, baseUrl: string) {
  const hasBody = passage.body.trim() !== "";
  const selector = targetSelectors(passage, target);
  return {
    id,
    type: "Annotation",
    motivation: hasBody ? "commenting" : "highlighting",
    created: iso(passage.createdAt),
    modified: iso(passage.updatedAt),
    creator: personJsonLd(baseUrl, passage.creator.name, passage.creator.id),
    ...(passage.canonical ? { canonical: passage.canonical } : {}),
    ...(passage.via ? { via: passage.via } : {}),
    ...(hasBody || passage.tags.length
      ? {
          body: [
            ...(hasBody ? [{ type: "TextualBody", value: passage.body, format: "text/markdown" }] : []),
            ...passage.tags.map((tag) => ({ type: "TextualBody", value: tag, purpose: "tagging" })),
          ],
        }
      : {}),
    target: selector.length ? { source: target.source, selector } : target.source,
  };
}

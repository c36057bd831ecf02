// A JSON Schema (draft-07) for the parts of the W3C Web Annotation Data Model
// (https://www.w3.org/TR/annotation-model/) that our JSON-LD export uses, written from
// the model's MUST statements: the @context, id and type of annotations and
// collections (§3.1, §5), created/modified as xsd:dateTime with a time zone (§3.3.1),
// agents (§3.3.2), the motivation/purpose vocabulary (§3.3.5), textual bodies (§3.2.4),
// external and specific-resource targets (§3.2, §4) and the TextQuote and TextPosition
// selectors (§4.2.4, §4.2.5). The W3C's own test-suite schemas (w3c/web-annotation-tests)
// are not published as a package, so they cannot be installed here; this schema checks
// the same requirements for the shapes we emit, and rejects what they reject.
const MOTIVATIONS = [
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
];

const iri = { type: "string", format: "uri" };
// xsd:dateTime with a time zone (the model SHOULD have one; we promise it).
const dateTime = { type: "string", format: "date-time", pattern: "(Z|[+-]\\d{2}:\\d{2})$" };
const oneOrMany = (schema: object) => ({ oneOf: [schema, { type: "array", minItems: 1, items: schema }] });

export const WEB_ANNOTATION_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://counterpoint.example/schemas/web-annotation.json",
  definitions: {
    context: {
      oneOf: [
        { const: "http://www.w3.org/ns/anno.jsonld" },
        { type: "array", contains: { const: "http://www.w3.org/ns/anno.jsonld" } },
      ],
    },
    agent: {
      oneOf: [
        iri,
        {
          type: "object",
          anyOf: [{ required: ["id"] }, { required: ["name"] }],
          properties: {
            id: iri,
            type: oneOrMany({ enum: ["Person", "Organization", "Software"] }),
            name: oneOrMany({ type: "string" }),
            nickname: { type: "string" },
          },
        },
      ],
    },
    textualBody: {
      type: "object",
      required: ["type", "value"],
      properties: {
        id: iri,
        type: { const: "TextualBody" },
        value: { type: "string" },
        format: { type: "string", pattern: "^[a-z]+/[a-z0-9.+-]+$" },
        language: { type: "string" },
        purpose: oneOrMany({ enum: MOTIVATIONS }),
      },
    },
    textQuoteSelector: {
      type: "object",
      required: ["type", "exact"],
      properties: {
        type: { const: "TextQuoteSelector" },
        exact: { type: "string", minLength: 1 },
        prefix: { type: "string" },
        suffix: { type: "string" },
      },
      additionalProperties: false,
    },
    textPositionSelector: {
      type: "object",
      required: ["type", "start", "end"],
      properties: {
        type: { const: "TextPositionSelector" },
        start: { type: "integer", minimum: 0 },
        end: { type: "integer", minimum: 0 },
      },
      additionalProperties: false,
    },
    // The model's FragmentSelector (value required, conformsTo an IRI such as RFC 3778's for PDF
    // "page=N"), optionally refined by another selector applied within what it selects.
    fragmentSelector: {
      type: "object",
      required: ["type", "value"],
      properties: {
        type: { const: "FragmentSelector" },
        value: { type: "string", minLength: 1 },
        conformsTo: iri,
        refinedBy: {
          oneOf: [{ $ref: "#/definitions/textQuoteSelector" }, { $ref: "#/definitions/textPositionSelector" }],
        },
      },
      additionalProperties: false,
    },
    specificResource: {
      type: "object",
      required: ["source"],
      properties: {
        type: { const: "SpecificResource" },
        source: iri,
        selector: oneOrMany({
          oneOf: [
            { $ref: "#/definitions/textQuoteSelector" },
            { $ref: "#/definitions/textPositionSelector" },
            { $ref: "#/definitions/fragmentSelector" },
          ],
        }),
        purpose: oneOrMany({ enum: MOTIVATIONS }),
      },
    },
    resource: { oneOf: [iri, { $ref: "#/definitions/textualBody" }, { $ref: "#/definitions/specificResource" }] },
    annotation: {
      type: "object",
      required: ["id", "type", "target"],
      properties: {
        "@context": { $ref: "#/definitions/context" },
        id: iri,
        type: { oneOf: [{ const: "Annotation" }, { type: "array", contains: { const: "Annotation" } }] },
        motivation: oneOrMany({ enum: MOTIVATIONS }),
        created: dateTime,
        modified: dateTime,
        generated: dateTime,
        creator: oneOrMany({ $ref: "#/definitions/agent" }),
        body: oneOrMany({ $ref: "#/definitions/resource" }),
        bodyValue: { type: "string" },
        target: oneOrMany({ $ref: "#/definitions/resource" }),
      },
      // body and bodyValue are exclusive (§3.2.5).
      not: { required: ["body", "bodyValue"] },
    },
  },
  // An AnnotationCollection whose first page embeds the annotations (§5).
  type: "object",
  required: ["@context", "id", "type", "first"],
  properties: {
    "@context": { $ref: "#/definitions/context" },
    id: iri,
    type: {
      oneOf: [{ const: "AnnotationCollection" }, { type: "array", contains: { const: "AnnotationCollection" } }],
    },
    label: { type: "string" },
    total: { type: "integer", minimum: 0 },
    first: {
      type: "object",
      required: ["type", "items"],
      properties: {
        id: iri,
        type: { const: "AnnotationPage" },
        startIndex: { type: "integer", minimum: 0 },
        items: { type: "array", items: { $ref: "#/definitions/annotation" } },
      },
    },
  },
};

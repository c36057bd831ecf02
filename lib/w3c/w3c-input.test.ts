import { describe, expect, it } from "vitest";
import { checkIfMatch, parsePrefer } from "./protocol";
import { readW3cAnnotation, w3cAnnotationSchema } from "./w3c-input";

const read = (input: unknown) => readW3cAnnotation(w3cAnnotationSchema.parse(input));

describe("reading a posted Web Annotation", () => {
  it("keeps one target's text selectors, the textual body, tagging bodies as tags, canonical and the client id", () => {
    expect(
      read({
        id: "urn:uuid:1",
        canonical: "urn:uuid:2",
        type: "Annotation",
        body: [
          { type: "TextualBody", value: "A *note*" },
          { type: "TextualBody", value: "ports", purpose: "tagging" },
        ],
        target: {
          source: "https://example.org/page",
          selector: [
            { type: "CssSelector", value: "#main" },
            { type: "TextQuoteSelector", exact: "quoted", prefix: "a " },
            { type: "TextPositionSelector", start: 3, end: 9 },
          ],
        },
      }),
    ).toEqual({
      source: "https://example.org/page",
      selectors: [
        { type: "TextQuoteSelector", exact: "quoted", prefix: "a " },
        { type: "TextPositionSelector", start: 3, end: 9 },
      ],
      body: "A *note*",
      tags: ["ports"],
      canonical: "urn:uuid:2",
      clientId: "urn:uuid:1",
    });
    expect(read({ target: { id: "https://example.org/y", type: "Text" } })).toMatchObject({
      source: "https://example.org/y",
      selectors: [],
    });
    // A body that is another resource (the model's first example) is kept as a link.
    expect(read({ body: "http://example.org/post1", target: "http://example.com/page1" })).toMatchObject({
      source: "http://example.com/page1",
      body: "<http://example.org/post1>",
    });
    expect(
      read({
        body: [{ id: "http://example.org/a.mp3", format: "audio/mpeg" }, { value: "and a note" }],
        target: "https://example.org/x",
      }),
    ).toMatchObject({ body: "<http://example.org/a.mp3>\n\nand a note" });
    expect(read({ bodyValue: "plain", target: "https://example.org/x" })).toMatchObject({
      source: "https://example.org/x",
      selectors: [],
      body: "plain",
    });
  });

  it("refuses what it cannot keep, with a 422", () => {
    for (const input of [
      { type: "Collection", target: "https://example.org/x" },
      { target: ["https://example.org/a", "https://example.org/b"] },
      { target: "javascript:alert(1)" },
      { target: "urn:x:1" },
      { target: { source: "https://example.org/x", selector: { type: "TextPositionSelector", start: 5, end: 2 } } },
      { body: { type: "Image", value: "x" }, target: "https://example.org/x" },
      { body: { value: "has space, and comma", purpose: "tagging" }, target: "https://example.org/x" },
      { body: "not an iri", target: "https://example.org/x" },
    ])
      expect(() => read(input), JSON.stringify(input)).toThrow(expect.objectContaining({ code: "unprocessable" }));
  });
});

describe("the protocol's headers", () => {
  it("reads Prefer: minimal wins, then IRIs, descriptions by default", () => {
    const include = (iris: string) => `return=representation; include="${iris}"`;
    expect(parsePrefer(null)).toEqual({ preference: "descriptions", applied: false });
    expect(parsePrefer(include("http://www.w3.org/ns/oa#PreferContainedIRIs"))).toEqual({
      preference: "iris",
      applied: true,
    });
    expect(
      parsePrefer(
        include("http://www.w3.org/ns/oa#PreferContainedIRIs http://www.w3.org/ns/ldp#PreferMinimalContainer"),
      ),
    ).toEqual({ preference: "minimal", applied: true });
    expect(parsePrefer(include("http://www.w3.org/ns/oa#PreferContainedDescriptions")).applied).toBe(true);
  });

  it("checks If-Match: absent or * or the current tag passes; a stale tag is 412", () => {
    const request = (ifMatch?: string) =>
      new Request("http://localhost/", { headers: ifMatch ? { "If-Match": ifMatch } : {} });
    expect(() => checkIfMatch(request(), '"a"')).not.toThrow();
    expect(() => checkIfMatch(request("*"), '"a"')).not.toThrow();
    expect(() => checkIfMatch(request('"b", W/"a"'), '"a"')).not.toThrow();
    expect(() => checkIfMatch(request('"b"'), '"a"')).toThrow(expect.objectContaining({ code: "precondition_failed" }));
  });
});

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { tagSchema } from "@/lib/validations/annotation";
import type { WebSelector } from "@/lib/web-sources/web-source-services";

// A Web Annotation as a client sends it (POST or PUT), read into what we store: one target
// (its source IRI and its TextQuote/TextPosition selectors), the textual body as Markdown,
// tagging bodies as tags, the client's `canonical` and `id` (kept as `via`).

const textualBody = z.object({
  type: z.string().optional(),
  value: z.string().max(20_000),
  purpose: z.string().optional(),
  format: z.string().optional(),
});
// A body that is another resource, by its IRI or as an object naming it ({ id, type, format }).
const externalBody = z.union([z.string().min(1).max(2000), z.looseObject({ id: z.string().min(1).max(2000) })]);
const bodySchema = z.union([textualBody, externalBody]);
const selector = z.looseObject({ type: z.string() });
const specificResource = z.looseObject({
  source: z.string().min(1).max(2000),
  selector: z.union([selector, z.array(selector)]).optional(),
});
// An external resource given as an object ({ id, type: "Text" }): the same as its IRI.
const externalResource = z.looseObject({ id: z.string().min(1).max(2000) });

export const w3cAnnotationSchema = z.looseObject({
  id: z.string().max(2000).optional(),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  canonical: z.string().max(2000).optional(),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  bodyValue: z.string().max(20_000).optional(),
  body: z.union([bodySchema, z.array(bodySchema)]).optional(),
  target: z.union([
    z.string().min(1).max(2000),
    specificResource,
    externalResource,
    z.array(z.union([z.string(), specificResource, externalResource])),
  ]),
});
export type W3cAnnotationInput = z.infer<typeof w3cAnnotationSchema>;

export type ReadAnnotation = {
  source: string;
  selectors: WebSelector[];
  body: string;
  tags: string[];
  canonical?: string;
  clientId?: string;
};

const quoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1, "The quote is empty.").max(20_000),
  prefix: z.string().max(1000).optional(),
  suffix: z.string().max(1000).optional(),
});
const positionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

const unprocessable = (message: string, field: string) =>
  new AppError("unprocessable", message, { [field]: [message] });

export function readW3cAnnotation(input: W3cAnnotationInput): ReadAnnotation {
  const types = [input.type ?? []].flat();
  if (types.length && !types.includes("Annotation") && !types.includes("oa:Annotation"))
    throw unprocessable('An annotation has "type": "Annotation".', "type");
  const targets = [input.target].flat();
  if (targets.length !== 1)
    throw unprocessable("Send one target: this server keeps annotations on one source.", "target");
  const target = targets[0]!;
  const specific = typeof target === "string" ? null : (specificResource.safeParse(target).data ?? null);
  const source = typeof target === "string" ? target : specific ? specific.source : String(target.id);
  if (!/^https?:$/.test(URL.parse(source)?.protocol ?? ""))
    throw unprocessable("The target's source must be an http(s) IRI.", "target.source");
  const selectors: WebSelector[] = [];
  if (specific) {
    for (const raw of [specific.selector ?? []].flat()) {
      // Other selector types (CSS, XPath, Range, Fragment) cannot be anchored in text: left out.
      const parser =
        raw.type === "TextQuoteSelector"
          ? quoteSelector
          : raw.type === "TextPositionSelector"
            ? positionSelector
            : null;
      if (!parser || selectors.some((kept) => kept.type === raw.type)) continue;
      const parsed = parser.safeParse(raw);
      if (!parsed.success)
        throw unprocessable(`This ${raw.type} is not valid: ${parsed.error.issues[0]?.message}`, "target.selector");
      if (parsed.data.type === "TextPositionSelector" && parsed.data.end <= parsed.data.start)
        throw unprocessable("A TextPositionSelector's end must be greater than its start.", "target.selector");
      selectors.push(parsed.data);
    }
  }
  const bodies = [input.body ?? []].flat();
  const tags = new Set<string>();
  const texts: string[] = input.bodyValue ? [input.bodyValue] : [];
  for (const entry of bodies) {
    const textual = typeof entry === "string" ? null : textualBody.safeParse(entry);
    // Another resource as the body (a page, an image): kept as a link in the comment.
    if (!textual?.success) {
      const iri = typeof entry === "string" ? entry : String((entry as { id: string }).id);
      if (!URL.canParse(iri)) throw unprocessable("A body given by its IRI needs an absolute IRI.", "body");
      texts.push(`<${iri}>`);
      continue;
    }
    const body = textual.data;
    if (body.type && body.type !== "TextualBody")
      throw unprocessable("Only textual bodies (TextualBody) are kept by this server.", "body");
    if (body.purpose === "tagging") {
      const tag = tagSchema.safeParse(body.value);
      if (!tag.success)
        throw unprocessable(`The tag “${body.value}” is not valid: ${tag.error.issues[0]?.message}`, "body");
      tags.add(tag.data);
    } else if (body.value.trim()) texts.push(body.value);
  }
  if (tags.size > 20) throw unprocessable("At most 20 tags.", "body");
  const body = texts.join("\n\n");
  if (body.length > 20_000) throw unprocessable("The comment is at most 20,000 characters.", "body");
  if (input.canonical !== undefined && !URL.canParse(input.canonical))
    throw unprocessable("canonical must be an absolute IRI.", "canonical");
  return {
    source,
    selectors,
    body,
    tags: [...tags],
    ...(input.canonical ? { canonical: input.canonical } : {}),
    ...(input.id ? { clientId: input.id } : {}),
  };
}

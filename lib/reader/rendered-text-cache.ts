// Rendered reader texts by key, shared by the server's two renderers in one process:
// the page (a server component) renders a text and leaves it here under its key; the
// ReaderText client component, rendered to HTML in the same request, takes it from
// here. The text then reaches the browser once, as HTML, and never as a prop in the
// page's hydration data (which would send it a second time).
export type RenderedText = { key: string; html: string; annotationIds: string[] };

const MAX_TEXTS = 200;
const slot = Symbol.for("counterpoint.renderedReaderTexts");
type Holder = { [slot]?: Map<string, RenderedText> };

function texts(): Map<string, RenderedText> {
  const holder = globalThis as Holder;
  return (holder[slot] ??= new Map());
}

export function rememberRenderedText(text: RenderedText): RenderedText {
  const cache = texts();
  cache.delete(text.key);
  cache.set(text.key, text);
  if (cache.size > MAX_TEXTS) cache.delete(cache.keys().next().value!);
  return text;
}

export function renderedTextFor(key: string): RenderedText | undefined {
  return texts().get(key);
}

import JSZip from "jszip";
import { collapseWhitespace } from "./normalize-text";

export type DocxProperties = { title?: string; authors?: string[] };

// What a Word document says about itself: the title and creator of its core
// properties (docProps/core.xml), else the text of its first Title-style paragraph.
// Its creation date (dcterms:created) is when the file was made, not when the
// work was published, so it is never read as a publication date.
export async function readDocxProperties(bytes: Uint8Array): Promise<DocxProperties> {
  const zip = await JSZip.loadAsync(bytes);
  const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
  const title =
    element(core, "dc:title") ?? titleParagraph((await zip.file("word/document.xml")?.async("string")) ?? "");
  const creator = element(core, "dc:creator");
  return {
    title,
    authors: creator
      ?.split(/\s*;\s*|\s*,\s*(?!(?:jr|sr)\b)|\s+and\s+/i)
      .map((author) => author.trim())
      .filter((author) => author && !PLACEHOLDER_AUTHOR.test(author)),
  };
}

// What writing tools put in dc:creator when nobody is named ("Un-named" is docx.js's default).
const PLACEHOLDER_AUTHOR = /^(un-?named|unknown|author|user|admin|administrator)$/i;

function element(xml: string, name: string): string | undefined {
  const match = xml.match(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`));
  return (match && collapseWhitespace(decodeXml(match[1]!))) || undefined;
}

function titleParagraph(xml: string): string | undefined {
  for (const paragraph of xml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? []) {
    if (!/<w:pStyle w:val="Title"\s*\/>/.test(paragraph)) continue;
    const runs = Array.from(paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (match) => match[1]);
    const text = collapseWhitespace(decodeXml(runs.join("")));
    if (text) return text;
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) =>
    entity[0] === "#"
      ? String.fromCodePoint(
          entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)),
        )
      : ENTITIES[entity.toLowerCase()]!,
  );

import { ANNOTATION_COLORS } from "@/lib/annotations/colors";
import type { Block } from "@/lib/documents/structure/blocks";
import type { Paragraph } from "./segment-text";

// The reader text as one HTML string. Rendering it through
// dangerouslySetInnerHTML keeps thousands of runs out of React's tree: the
// page is parsed and painted like static HTML and hydration never walks it.
// Every piece of document text is escaped here.
// Paragraphs carry their code-point offset (data-o). Highlights name their
// annotations by index into `annotationIds` (data-a="0 5 17": a thousand
// overlapping highlights would otherwise repeat long ids thousands of times),
// their color (yellow unless a class says otherwise) and, where annotations
// overlap, the depth.
// The document's structure gives each line its element: headings (one level
// below the page's title, with an id the outline links to), list items in a
// list, block quotes, footnotes; the first block of each page after the first
// carries data-page (the page boundary, drawn by CSS, never part of the text).
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const colorAttribute = (color: string | null) =>
  color && color !== "yellow" && (ANNOTATION_COLORS as readonly string[]).includes(color) ? ` class="hl-${color}"` : "";

export function renderTextHtml(
  paragraphs: Paragraph[],
  blocks: Block[] = [],
  options: { title?: string } = {},
): { html: string; annotationIds: string[] } {
  const indexOf = new Map<string, number>();
  const parts: string[] = [];
  let next = 0;
  let page = 1;
  let inList = false;
  const titleBlock = titleLine(paragraphs, blocks, options.title);
  const headingTag = headingTags(blocks.filter((block) => block !== titleBlock));
  for (const paragraph of paragraphs) {
    while (next < blocks.length && blocks[next]!.end <= paragraph.start) next += 1;
    const block = blocks[next] && blocks[next]!.start <= paragraph.start ? blocks[next]! : undefined;
    const element =
      titleBlock && block === titleBlock
        ? { tag: "p", className: "title-line" }
        : block?.type === "heading"
          ? { tag: headingTag.get(block)! }
          : elementOf(block);
    if (element.tag === "li" && !inList) parts.push("<ul>");
    if (element.tag !== "li" && inList) parts.push("</ul>");
    inList = element.tag === "li";
    const first = block?.start === paragraph.start;
    let attributes = element.className ? ` class="${element.className}"` : "";
    if (first && block?.type === "heading") attributes += ` id="s-${block.start}"`;
    if (first && block?.page && block.page > page) {
      page = block.page;
      attributes += ` data-page="${page}"`;
    }
    parts.push(`<${element.tag} data-o="${paragraph.start}"${attributes}>`);
    for (const segment of paragraph.segments) {
      const text = escapeHtml(segment.text);
      if (!segment.ids.length) {
        parts.push(text);
        continue;
      }
      const indexes = segment.ids.map((id) => indexOf.get(id) ?? indexOf.set(id, indexOf.size).get(id)!);
      const depth = indexes.length > 1 ? ` data-depth="${Math.min(indexes.length, 3)}"` : "";
      parts.push(`<mark data-a="${indexes.join(" ")}"${depth}${colorAttribute(segment.color)}>${text}</mark>`);
    }
    parts.push(`</${element.tag}>`);
  }
  if (inList) parts.push("</ul>");
  return { html: parts.join(""), annotationIds: Array.from(indexOf.keys()) };
}

// A first heading that repeats the document's title (already the page's <h1>) is shown
// as a title line, not announced as a second heading.
function titleLine(paragraphs: Paragraph[], blocks: Block[], title: string | undefined): Block | undefined {
  const first = blocks.find((block) => block.type === "heading");
  if (!first || !title) return undefined;
  const paragraph = paragraphs.find((candidate) => candidate.start === first.start);
  const text = paragraph?.segments.map((segment) => segment.text).join("") ?? "";
  const comparable = (value: string) => value.replace(/\s+/g, " ").trim().toLowerCase();
  return comparable(text) === comparable(title) ? first : undefined;
}

// Heading elements below the page's <h1>: the levels a document uses, in order, become
// h2, h3…, and no heading is more than one level below the one before it (no skipped levels).
function headingTags(blocks: Block[]): Map<Block, string> {
  const headings = blocks.filter((block) => block.type === "heading");
  const levels = Array.from(new Set(headings.map((block) => block.level ?? 2))).sort((a, b) => a - b);
  const tags = new Map<Block, string>();
  let previous = 1;
  for (const block of headings) {
    const rank = Math.min(levels.indexOf(block.level ?? 2) + 2, previous + 1, 6);
    tags.set(block, `h${rank}`);
    previous = rank;
  }
  return tags;
}

function elementOf(block: Block | undefined): { tag: string; className?: string } {
  if (block?.type === "list-item") return { tag: "li" };
  if (block?.type === "quote") return { tag: "blockquote" };
  if (block?.type === "footnote") return { tag: "p", className: "footnote" };
  return { tag: "p" };
}

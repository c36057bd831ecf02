import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Nodes, Root } from "mdast";
import { collapseWhitespace } from "./normalize-text";
import type { BlockType, SourceBlock } from "../structure/blocks";
import type { ExtractedSource } from "./types";

const BLOCKS = new Set(["paragraph", "heading", "code", "tableRow", "html"]);

// Markdown becomes its readable text: one block per paragraph, heading, list
// item paragraph, code block or table row; markup characters are dropped.
export function extractMarkdown(markdown: string): ExtractedSource {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const blocks: SourceBlock[] = [];
  let title: string | undefined;
  const visit = (node: Nodes, within: BlockType) => {
    if (BLOCKS.has(node.type)) {
      if (node.type === "html") return;
      const text =
        node.type === "code"
          ? node.value
          : node.type === "tableRow"
            ? node.children.map((cell) => toString(cell)).join(" | ")
            : collapseWhitespace(toString(node));
      if (node.type === "heading" && node.depth === 1 && !title) title = text;
      if (!text) return;
      if (node.type === "heading") blocks.push({ type: "heading", level: node.depth, text });
      else blocks.push({ type: within, text });
      return;
    }
    const inside =
      node.type === "footnoteDefinition"
        ? "footnote"
        : node.type === "blockquote" && within === "paragraph"
          ? "quote"
          : node.type === "listItem" && within === "paragraph"
            ? "list-item"
            : within;
    if ("children" in node) for (const child of node.children) visit(child as Nodes, inside);
  };
  visit(tree, "paragraph");
  return {
    text: blocks.map((block) => block.text).join("\n\n"),
    structure: blocks,
    sourceFormat: "markdown",
    title,
  };
}

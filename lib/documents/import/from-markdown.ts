import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Nodes, Root } from "mdast";
import { collapseWhitespace } from "./normalize-text";
import type { ExtractedDocument } from "./types";

const BLOCKS = new Set(["paragraph", "heading", "code", "tableRow", "html"]);

// Markdown becomes its readable text: one block per paragraph, heading, list
// item paragraph, code block or table row; markup characters are dropped.
export function extractMarkdown(markdown: string): ExtractedDocument {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const blocks: string[] = [];
  let title: string | undefined;
  const visit = (node: Nodes) => {
    if (BLOCKS.has(node.type)) {
      if (node.type === "html") return;
      const text =
        node.type === "code"
          ? node.value
          : node.type === "tableRow"
            ? node.children.map((cell) => toString(cell)).join(" | ")
            : collapseWhitespace(toString(node));
      if (node.type === "heading" && node.depth === 1 && !title) title = text;
      if (text) blocks.push(text);
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return { text: blocks.join("\n\n"), sourceFormat: "markdown", title };
}

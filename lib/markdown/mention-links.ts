// The few hast node shapes this step touches.
type Text = { type: "text"; value: string };
type Element = { type: "element"; tagName: string; properties: Record<string, unknown>; children: Node[] };
type Node = Text | Element | { type: "comment" | "doctype" | "raw"; value?: string };
type Root = { type: "root"; children: Node[] };
type ElementContent = Node;
import { MENTION, mentionKey } from "@/lib/threads/mentions";

// A rehype step: "@handle" in text (not in code or an existing link) becomes a link when the
// handle names a member (`links`: handle key → address). Runs before sanitizing, like all HTML.
export function rehypeMentionLinks(options: { links?: Record<string, string> }) {
  const links = options.links ?? {};
  return (tree: Root) => {
    if (!Object.keys(links).length) return;
    const visit = (node: Root | Element) => {
      const children: ElementContent[] = [];
      for (const child of node.children as ElementContent[]) {
        if (child.type === "element") {
          if (!["a", "code", "pre"].includes(child.tagName)) visit(child);
          children.push(child);
        } else if (child.type === "text") children.push(...split(child, links));
        else children.push(child);
      }
      node.children = children as typeof node.children;
    };
    visit(tree);
  };
}

function split(node: Text, links: Record<string, string>): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(MENTION)) {
    const written = match[2]!.replace(/[.-]+$/, "");
    const href = links[mentionKey(written)];
    if (!href) continue;
    const at = match.index + match[1]!.length;
    if (at > last) parts.push({ type: "text", value: node.value.slice(last, at) });
    parts.push({
      type: "element",
      tagName: "a",
      properties: { href },
      children: [{ type: "text", value: `@${written}` }],
    });
    last = at + 1 + written.length;
  }
  if (!parts.length) return [node];
  if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
  return parts;
}

import { renderMarkdown } from "./render-markdown";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

// Markdown as the reader would read it, without markup: for print (PDF) and plain text.
export const markdownPlainText = (markdown: string) => htmlPlainText(renderMarkdown(markdown));

// Our rendered (sanitized) Markdown as text: block ends become line breaks, list items
// get bullets or their numbers (nested ones indented), links keep their address.
export function htmlPlainText(html: string): string {
  return html
    .replace(/>\s*\n\s*</g, "><")
    .replace(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gs, (_, href: string, text: string) =>
      text === href ? text : `${text} (${href})`,
    )
    .replace(/<(\/?)(ol|ul|li)\b([^>]*)>/g, listMarker())
    .replace(/<\/(p|h[1-6]|blockquote|pre|ul|ol|table)>/g, "\n\n")
    .replace(/<br\s*\/?>|<\/(li|tr)>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
      name.startsWith("#x")
        ? String.fromCodePoint(parseInt(name.slice(2), 16))
        : name.startsWith("#")
          ? String.fromCodePoint(Number(name.slice(1)))
          : (ENTITIES[name.toLowerCase()] ?? entity),
    )
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Replaces list tags in document order: items of numbered lists get "1.", "2." (from the
// list's start), others "•"; a list opened inside an item starts on its own line.
function listMarker() {
  const lists: { ordered: boolean; next: number }[] = [];
  return (tag: string, close: string, name: string, attributes: string) => {
    if (name === "li") {
      if (close) return tag;
      const list = lists.at(-1);
      const indent = "   ".repeat(Math.max(lists.length - 1, 0));
      return `${indent}${list?.ordered ? `${list.next++}.` : "•"} `;
    }
    if (close) {
      lists.pop();
      return lists.length ? "" : tag;
    }
    const start = /\sstart="(\d+)"/.exec(attributes);
    lists.push({ ordered: name === "ol", next: start ? Number(start[1]) : 1 });
    return lists.length > 1 ? "\n" : tag;
  };
}

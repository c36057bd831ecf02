import { renderMarkdown } from "./render-markdown";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

// Markdown as the reader would read it, without markup: for print (PDF) and plain text.
export const markdownPlainText = (markdown: string) => htmlPlainText(renderMarkdown(markdown));

// Our rendered (sanitized) Markdown as text: block ends become line breaks, list items
// get bullets, links keep their address.
export function htmlPlainText(html: string): string {
  return html
    .replace(/>\s*\n\s*</g, "><")
    .replace(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gs, (_, href: string, text: string) =>
      text === href ? text : `${text} (${href})`,
    )
    .replace(/<li[^>]*>/g, "• ")
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

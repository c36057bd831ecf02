import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { rehypeMentionLinks } from "./mention-links";

// GitHub's sanitization schema: no scripts, no event handlers, no styles, and
// only http(s)/mailto links. Raw HTML in Markdown is dropped, not passed on.
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

// With @mentions made links (handle key → address), for bodies that name members.
const withMentions = (links: Record<string, string>) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeMentionLinks, { links })
    .use(rehypeSanitize, schema)
    .use(rehypeStringify);

// User Markdown → HTML that is safe to insert into a page. `mentionLinks`: the members its
// @handles name (lib/threads/workspace-mentions.ts), rendered as links to them.
export function renderMarkdown(markdown: string, mentionLinks?: Record<string, string>): string {
  if (!markdown.trim()) return "";
  const renderer = mentionLinks && Object.keys(mentionLinks).length ? withMentions(mentionLinks) : processor;
  return String(renderer.processSync(markdown));
}

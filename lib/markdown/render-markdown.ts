import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

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

// User Markdown → HTML that is safe to insert into a page.
export function renderMarkdown(markdown: string): string {
  if (!markdown.trim()) return "";
  return String(processor.processSync(markdown));
}

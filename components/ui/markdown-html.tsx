// What people wrote in Markdown, as the HTML the server rendered and sanitized
// (lib/markdown/render-markdown.ts): the one component that puts it into a page.
export function MarkdownHtml({ html, className = "", testId }: { html: string; className?: string; testId?: string }) {
  return (
    <div className={`annotation-body ${className}`} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

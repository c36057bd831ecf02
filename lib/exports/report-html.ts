import { renderMarkdown } from "@/lib/markdown/render-markdown";
import type { Report } from "./collect-report";
import { reportMarkdownChunks } from "./report-markdown";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

// The Markdown report as one standalone HTML file: rendered section by section by the
// same sanitizing renderer as comments, styled for screen and print, and carrying its
// own policy so that, opened from disk or mail, it can load and run nothing.
export function* reportHtmlChunks(report: Report): Generator<string> {
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>
body { font: 17px/1.6 Georgia, "Noto Serif", serif; color: #1c1917; max-width: 46rem; margin: 3rem auto; padding: 0 1.25rem; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid #e7e5e4; padding-bottom: .25rem; margin-top: 2.5rem; }
blockquote { margin: 1rem 0 .25rem; padding-left: 1rem; border-left: 3px solid #a8a29e; font-style: italic; color: #44403c; }
ul ul { border-left: 1px solid #e7e5e4; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } blockquote { break-inside: avoid; } }
</style>
</head>
<body>
`;
  for (const chunk of reportMarkdownChunks(report)) yield `${renderMarkdown(chunk)}\n`;
  yield "</body>\n</html>\n";
}

export const reportHtml = (report: Report) => Array.from(reportHtmlChunks(report)).join("");

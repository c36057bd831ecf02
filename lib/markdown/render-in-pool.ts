import { DEADLINES } from "@/lib/workers/deadlines";
import { runUntrusted } from "@/lib/workers/untrusted-pool";

export const TOO_COMPLEX_TO_FORMAT = "This text is too complex to format";
// Text rendered again on every read (curators' notes, introductions, resolutions) must
// render within this, measured in the pool.
export const READ_RENDER_BUDGET_MS = 250;

// renderMarkdown (the one renderer), run in the untrusted-work pool: for people's Markdown
// before it is stored or previewed. Text whose rendering nests too deeply or takes longer
// than the deadline is refused (422), so anything stored renders cheaply.
export async function renderMarkdownInPool(
  markdown: string,
  { renderedOnRead = false, mentionLinks }: { renderedOnRead?: boolean; mentionLinks?: Record<string, string> } = {},
): Promise<string> {
  if (!markdown.trim()) return "";
  return runUntrusted("renderMarkdown", [markdown, renderedOnRead ? READ_RENDER_BUDGET_MS : undefined, mentionLinks], {
    deadlineMs: DEADLINES.markdown(),
    tooComplex: TOO_COMPLEX_TO_FORMAT,
  });
}

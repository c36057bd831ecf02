import { EmptyState } from "@/components/ui/empty-state";
import { MarkdownHtml } from "@/components/ui/markdown-html";
import { listWebSources } from "@/lib/web-sources/list-web-sources";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Web sources" };

// Markdown as stored (sanitized HTML), or as plain text for rows that have none yet.
function Written({ html, text }: { html: string | null; text: string }) {
  if (html) return <MarkdownHtml html={html} className="text-sm" />;
  return text.trim() ? <p className="text-sm whitespace-pre-wrap">{text}</p> : null;
}

export default async function WebSourcesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await loadWorkspaceForPage(id);
  const sources = await listWebSources(user, id);
  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        Pages annotated without being imported (through the W3C annotation API or a Hypothesis import). Import a page
        with the same address and its annotations move onto the document, placed by their quotes.
      </p>
      {sources.length ? (
        <ul className="space-y-4" aria-label="Web sources">
          {sources.map((source) => (
            <li
              key={source.id}
              className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
            >
              <h2 className="font-mono text-sm break-all">
                {/^https?:\/\//i.test(source.url) ? (
                  <a href={source.url} rel="noopener noreferrer nofollow" className="text-accent-700 hover:underline">
                    {source.url}
                  </a>
                ) : (
                  source.url
                )}
              </h2>
              {source.title !== source.url ? <p className="mt-1 font-serif text-lg">{source.title}</p> : null}
              <ol className="mt-3 space-y-3" aria-label={`Annotations on ${source.url}`}>
                {source.annotations.map((annotation) => (
                  <li key={annotation.id} id={`annotation-${annotation.id}`} className="space-y-1">
                    {annotation.quote ? (
                      <blockquote className="border-l-4 border-accent-300 pl-3 font-serif text-stone-800 dark:text-stone-200">
                        {annotation.quote}
                      </blockquote>
                    ) : (
                      <p className="text-sm text-stone-500 italic">On the whole page</p>
                    )}
                    <p className="text-xs text-stone-500">
                      {annotation.creator.name} · {annotation.createdAt.toISOString().slice(0, 10)}
                      {annotation.status !== "visible" ? ` · ${annotation.status}` : ""}
                      {annotation.tags.length ? ` · ${annotation.tags.map((tag) => `#${tag}`).join(" ")}` : ""}
                    </p>
                    <Written html={annotation.bodyHtml} text={annotation.body} />
                    {annotation.replies.length ? (
                      <ul
                        className="ml-4 space-y-2 border-l border-stone-200 pl-3 dark:border-stone-700"
                        aria-label="Thread"
                      >
                        {annotation.replies.map((reply) => (
                          <li key={reply.id} className={reply.parentId ? "ml-4" : undefined}>
                            <p className="text-xs text-stone-500">
                              {reply.author.name} · {reply.stance}
                            </p>
                            <Written html={reply.bodyHtml} text={reply.body} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No web sources yet">
          Annotations sent to this workspace&rsquo;s W3C annotation container about pages it has not imported appear
          here, by address.
        </EmptyState>
      )}
    </div>
  );
}

// The document's text with its highlights, rendered on the server as escaped
// HTML (see lib/reader/render-text-html.ts for why it is one string). The
// annotation ids that highlights refer to by index ride on the container.
export function ReaderText({ html, annotationIds }: { html: string; annotationIds: string[] }) {
  return (
    <div
      data-reader-text
      data-annotation-ids={annotationIds.join(" ")}
      className="reader-text font-serif text-[1.14rem] leading-[1.8] text-stone-900 dark:text-stone-200"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

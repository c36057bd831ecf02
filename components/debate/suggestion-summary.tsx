import { HINT_TEXT, type Suggestion } from "./suggestion-types";

// One suggested passage as text: its document (opening both documents side by side), the
// relation hint marked as a hint, the quote and why it was suggested.
export function SuggestionSummary({
  item,
  title,
  workspaceId,
  fromDocumentId,
}: {
  item: Suggestion;
  title: string;
  workspaceId: string;
  fromDocumentId: string;
}) {
  return (
    <>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <a
          href={`/workspaces/${workspaceId}/compare?left=${fromDocumentId}&right=${item.documentId}&suggestions=1`}
          title="Open both documents side by side"
          className="font-medium underline"
        >
          {title}
        </a>
        {item.relationHint ? (
          <span
            data-testid="relation-hint"
            title="Guessed from the wording, not a judgement: check it before you link."
            className="rounded-full border border-dashed border-stone-400 px-1.5 text-[0.7rem] text-stone-600 italic dark:border-stone-500 dark:text-stone-300"
          >
            {HINT_TEXT[item.relationHint]}
          </span>
        ) : null}
      </p>
      <blockquote className="mt-1 line-clamp-4 font-serif text-stone-700 italic dark:text-stone-300">
        “{item.quote}”
      </blockquote>
      <p className="mt-1 text-stone-500 dark:text-stone-400">{item.reason}</p>
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { RELATION_LABEL, RELATION_TEXT, type Relation } from "@/components/debate/vocabulary";
import { inputClass } from "@/components/ui/field";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";

type LinkOption = {
  id: string;
  relation: Relation;
  from: { quote: string; documentTitle: string };
  to: { quote: string; documentTitle: string };
};
type PassageOption = { id: string; quote: string; documentTitle: string; creator: { name: string } };

const clip = (text: string, length = 90) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function AddButton({ label, onAdd }: { label: string; onAdd: () => Promise<boolean> }) {
  const [state, setState] = useState<"idle" | "adding">("idle");
  return (
    <button
      type="button"
      aria-label={label}
      disabled={state === "adding"}
      className="shrink-0 rounded-md border border-stone-300 px-2 py-1 text-xs font-medium hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800"
      onClick={async () => {
        setState("adding");
        await onAdd();
        setState("idle");
      }}
    >
      {state === "adding" ? "Adding…" : "Add"}
    </button>
  );
}

// Moderators add the workspace's links and passages (found by their words) to the collection.
export function CollectionPicker({
  workspaceId,
  collectionId,
  links,
  chosen,
}: {
  workspaceId: string;
  collectionId: string;
  links: LinkOption[];
  chosen: string[];
}) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [passages, setPassages] = useState<PassageOption[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const isChosen = new Set(chosen);

  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await apiFetch<{ annotations: PassageOption[] }>(
        `/api/v1/workspaces/${workspaceId}/search?type=annotations&limit=20&q=${encodeURIComponent(query)}`,
      );
      if (result.ok) setPassages(result.data.annotations);
      else setError(result.error);
    }, 250);
    return () => clearTimeout(timer);
  }, [query, workspaceId]);

  const add = async (type: "annotation" | "link", id: string) => {
    setError(null);
    const result = await apiFetch(`/api/v1/collections/${collectionId}/items`, { body: { type, id } });
    if (!result.ok) setError(result.error);
    else router.refresh();
    return result.ok;
  };

  const openLinks = links.filter((link) => !isChosen.has(link.id));
  const openPassages = passages?.filter((passage) => !isChosen.has(passage.id)) ?? null;
  return (
    <aside
      aria-label="Add to this collection"
      className="space-y-5 rounded-xl border border-stone-200 bg-stone-50 p-4 dark:border-stone-800 dark:bg-stone-900/60"
    >
      <h2 className="text-sm font-semibold">Add to this collection</h2>
      {error ? (
        <p role="alert" className="text-xs text-red-600">
          {error.message}
        </p>
      ) : null}
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">Links between passages</h3>
        {openLinks.length ? (
          <ul className="mt-2 space-y-2" aria-label="Links to add">
            {openLinks.map((link) => (
              <li key={link.id} className="flex items-start gap-2 text-xs">
                <div className="min-w-0 flex-1">
                  <span className="italic">“{clip(link.from.quote, 60)}”</span>{" "}
                  <span className={`font-semibold ${RELATION_TEXT[link.relation]}`}>
                    {RELATION_LABEL[link.relation].toLowerCase()}
                  </span>{" "}
                  <span className="italic">“{clip(link.to.quote, 60)}”</span>
                  <span className="block text-stone-500">
                    {link.from.documentTitle} → {link.to.documentTitle}
                  </span>
                </div>
                <AddButton
                  label={`Add link: ${clip(link.from.quote, 40)} ${link.relation} ${clip(link.to.quote, 40)}`}
                  onAdd={() => add("link", link.id)}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-xs text-stone-500">
            {links.length ? "Every link is in the collection." : "No links in this workspace yet."}
          </p>
        )}
      </section>
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">Passages</h3>
        <input
          type="search"
          aria-label="Find passages by their words"
          placeholder="Find passages by their words…"
          className={`${inputClass} mt-2`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {openPassages === null ? (
          <p className="mt-2 text-xs text-stone-500">Loading passages…</p>
        ) : openPassages.length ? (
          <ul className="mt-2 space-y-2" aria-label="Passages to add">
            {openPassages.map((passage) => (
              <li key={passage.id} className="flex items-start gap-2 text-xs">
                <div className="min-w-0 flex-1">
                  <span className="italic">“{clip(passage.quote)}”</span>
                  <span className="block text-stone-500">
                    {passage.documentTitle} · {passage.creator.name}
                  </span>
                </div>
                <AddButton
                  label={`Add passage: ${clip(passage.quote, 60)}`}
                  onAdd={() => add("annotation", passage.id)}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-xs text-stone-500">{query ? "No passages match." : "No passages to add."}</p>
        )}
      </section>
    </aside>
  );
}

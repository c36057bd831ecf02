import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/current-user";

const FEATURES = [
  ["Anchor every claim", "Highlight passages and comment in Markdown. Anchors survive new revisions of the text."],
  [
    "Argue in threads",
    "Replies declare their stance: supports, opposes, qualifies or asks. Votes surface the strongest.",
  ],
  ["Link across documents", "Mark that one passage contradicts or agrees with another, and see the debate as a map."],
  ["Curate and report", "Moderators keep the debate clean; export what was said as a report a colleague can read."],
] as const;

export default async function HomePage() {
  if (await getSessionUser()) redirect("/workspaces");
  return (
    <div className="py-10">
      <section className="max-w-3xl">
        <h1 className="font-serif text-4xl font-semibold tracking-tight sm:text-5xl">
          Argue carefully over documents.
        </h1>
        <p className="mt-5 text-lg leading-relaxed text-stone-600 dark:text-stone-300">
          Counterpoint is where research teams read policy texts together, mark the passages that matter, and connect
          what one author claims with what another disputes.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/signup" className={buttonClass("primary")}>
            Create an account
          </Link>
          <Link href="/signin" className={buttonClass("secondary")}>
            Sign in
          </Link>
        </div>
      </section>
      <section aria-label="Features" className="mt-16 grid gap-6 sm:grid-cols-2">
        {FEATURES.map(([title, text]) => (
          <div
            key={title}
            className="rounded-xl border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900"
          >
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-2 text-sm leading-relaxed text-stone-600 dark:text-stone-400">{text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}

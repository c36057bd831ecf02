import Link from "next/link";
import { redirect } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { NewWorkspaceForm } from "@/components/workspaces/new-workspace-form";
import { PendingInvitations } from "@/components/workspaces/pending-invitations";
import { getSessionUser } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/policies/workspace-policy";
import { listMyInvitations } from "@/lib/workspaces/invitations";
import { listMyWorkspaces } from "@/lib/workspaces/workspaces";

export const metadata = { title: "Workspaces" };

export default async function WorkspacesPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/workspaces");
  const [{ items }, invitations] = await Promise.all([listMyWorkspaces(user, { limit: 200 }), listMyInvitations(user)]);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="workspaces-heading">
        <h1 id="workspaces-heading" className="font-serif text-3xl font-semibold tracking-tight">
          Your workspaces
        </h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          A workspace holds documents, their annotations and the debate around them.
        </p>
        <PendingInvitations invitations={invitations.items} />
        <div className="mt-6">
          {items.length === 0 ? (
            <EmptyState title="No workspaces yet">
              Create one to start importing documents and inviting colleagues.
            </EmptyState>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2">
              {items.map((workspace) => (
                <li key={workspace.id}>
                  <Link
                    href={`/workspaces/${workspace.id}`}
                    className="block h-full rounded-xl border border-stone-200 bg-white p-5 transition hover:border-accent-500 hover:shadow-sm dark:border-stone-800 dark:bg-stone-900"
                  >
                    <div className="flex items-start justify-between gap-3">
                      <h2 className="font-semibold">{workspace.name}</h2>
                      <Badge tone={workspace.visibility === "public" ? "green" : "neutral"}>
                        {workspace.visibility}
                      </Badge>
                    </div>
                    {workspace.description ? (
                      <p className="mt-1 line-clamp-2 text-sm text-stone-600 dark:text-stone-400">
                        {workspace.description}
                      </p>
                    ) : null}
                    <p className="mt-3 text-xs text-stone-500">
                      {workspace.role ? ROLE_LABELS[workspace.role] : ""} · {workspace.documentCount} documents ·{" "}
                      {workspace.memberCount} members
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <aside>
        <NewWorkspaceForm />
      </aside>
    </div>
  );
}

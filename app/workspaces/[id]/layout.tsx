import { Badge } from "@/components/ui/badge";
import { WorkspaceTabs } from "@/components/workspaces/workspace-tabs";
import { ROLE_LABELS } from "@/lib/policies/workspace-policy";
import { loadWorkspaceForPage } from "./workspace-access";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { workspace, role, abilities } = await loadWorkspaceForPage(id);
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{workspace.name}</h1>
        <Badge tone={workspace.visibility === "public" ? "green" : "neutral"}>{workspace.visibility}</Badge>
        {role ? <Badge tone="accent">{ROLE_LABELS[role]}</Badge> : <Badge>Visitor</Badge>}
      </div>
      {workspace.description ? (
        <p className="mt-2 max-w-3xl text-stone-600 dark:text-stone-400">{workspace.description}</p>
      ) : null}
      <WorkspaceTabs workspaceId={workspace.id} canModerate={abilities.canModerate} />
      <div className="pt-6">{children}</div>
    </div>
  );
}

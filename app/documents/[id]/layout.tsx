import Link from "next/link";
import { CurrentWorkspace } from "@/components/layout/current-workspace";
import { WorkspaceTabs } from "@/components/workspaces/workspace-tabs";
import { loadDocumentForPage } from "@/lib/reader/load-reader";

// Authorizes every page under /documents/{id} before anything is sent, so a
// document the visitor may not read answers a real 404 status. The document's
// workspace keeps its name and tabs above it, as on the workspace's own pages.
export default async function DocumentLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { access, abilities } = await loadDocumentForPage(id);
  return (
    <div>
      <CurrentWorkspace id={access.workspace.id} />
      <p className="font-serif text-xl font-semibold tracking-tight">
        <Link href={`/workspaces/${access.workspace.id}`} prefetch={false} className="hover:underline">
          {access.workspace.name}
        </Link>
      </p>
      <WorkspaceTabs workspaceId={access.workspace.id} canModerate={abilities.canModerate} documentsCurrent />
      <div className="pt-6">{children}</div>
    </div>
  );
}

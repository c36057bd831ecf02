import { ModerationQueue } from "@/components/moderation/moderation-queue";
import { PreModerationToggle } from "@/components/moderation/pre-moderation-toggle";
import { EmptyState } from "@/components/ui/empty-state";
import { listModerationQueue } from "@/lib/moderation/moderation-queue";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Moderation" };

export default async function ModerationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, abilities, workspace } = await loadWorkspaceForPage(id);
  if (!abilities.canModerate)
    return (
      <EmptyState title="Moderators only">
        Moderators and owners review flags and pending contributions here.
      </EmptyState>
    );
  return (
    <div className="space-y-6">
      {abilities.canManageWorkspace ? <PreModerationToggle workspaceId={id} isOn={workspace.preModeration} /> : null}
      <ModerationQueue items={await listModerationQueue(user, id)} />
    </div>
  );
}

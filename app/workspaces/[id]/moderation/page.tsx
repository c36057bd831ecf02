import { ModerationQueue } from "@/components/moderation/moderation-queue";
import { EmptyState } from "@/components/ui/empty-state";
import { listModerationQueue } from "@/lib/moderation/moderation-queue";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Moderation" };

export default async function ModerationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, abilities } = await loadWorkspaceForPage(id);
  if (!abilities.canModerate) return <EmptyState title="Moderators only">Moderators and owners review flags and pending contributions here.</EmptyState>;
  return <ModerationQueue items={await listModerationQueue(user, id)} />;
}

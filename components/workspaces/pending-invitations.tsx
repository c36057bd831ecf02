import { ROLE_LABELS } from "@/lib/policies/workspace-policy";
import type { listMyInvitations } from "@/lib/workspaces/invitations";
import { AnswerInvitation } from "./invitation-controls";

type MyInvitation = Awaited<ReturnType<typeof listMyInvitations>>["items"][number];

// Invitations to the signed-in person's email, each with Accept and Decline.
export function PendingInvitations({ invitations }: { invitations: MyInvitation[] }) {
  if (!invitations.length) return null;
  return (
    <section
      aria-labelledby="invitations-heading"
      className="mt-6 rounded-xl border border-amber-300 bg-amber-50 p-5 dark:border-amber-800 dark:bg-amber-950"
    >
      <h2 id="invitations-heading" className="font-semibold">
        {invitations.length === 1 ? "An invitation" : `${invitations.length} invitations`} for you
      </h2>
      <ul className="mt-3 space-y-4">
        {invitations.map((invitation) => (
          <li key={invitation.id} data-testid="my-invitation" className="space-y-2">
            <p className="text-sm">
              <span className="font-medium">{invitation.invitedBy.name}</span> invites you to{" "}
              <span className="font-medium">{invitation.workspace.name}</span> as{" "}
              {ROLE_LABELS[invitation.role].toLowerCase()}.
            </p>
            <AnswerInvitation
              invitationId={invitation.id}
              workspaceId={invitation.workspace.id}
              workspaceName={invitation.workspace.name}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { AnswerInvitation } from "@/components/workspaces/invitation-controls";
import { getSessionUser } from "@/lib/auth/current-user";
import { signInPath } from "@/lib/auth/callback-path";
import { AppError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/policies/workspace-policy";
import { findInvitationForLink } from "@/lib/workspaces/invitations";

export const metadata = { title: "Invitation" };

// The accept link an owner passes on. Signed out: sign in (or sign up) first, then back here.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getSessionUser();
  if (!user) redirect(signInPath(`/invitations/${encodeURIComponent(token)}`));
  let invitation;
  try {
    invitation = await findInvitationForLink(user, token);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden")
      return (
        <AuthCard title="This invitation is for someone else" subtitle={`You are signed in as ${user.email}.`}>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            It was sent to another email address. Sign out, then sign in (or create an account) with the address the
            invitation was sent to, and open the link again.
          </p>
        </AuthCard>
      );
    throw error;
  }
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  return (
    <AuthCard
      title={`Join ${invitation.workspace.name}`}
      subtitle={`${invitation.invitedBy.name} invites you to this workspace as ${role}.`}
    >
      {invitation.status === "pending" ? (
        <AnswerInvitation
          invitationId={invitation.id}
          workspaceId={invitation.workspace.id}
          workspaceName={invitation.workspace.name}
          afterDecline="/workspaces"
        />
      ) : (
        <p role="status" className="text-sm text-stone-600 dark:text-stone-400">
          {invitation.status === "accepted" ? (
            <>
              You accepted this invitation.{" "}
              <Link href={`/workspaces/${invitation.workspace.id}`} className="font-medium text-accent-600">
                Open the workspace
              </Link>
            </>
          ) : invitation.status === "expired" ? (
            "This invitation has expired. Ask for a new one."
          ) : (
            "You declined this invitation."
          )}
        </p>
      )}
    </AuthCard>
  );
}

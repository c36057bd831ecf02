import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import { hashInvitationToken } from "./invitation-tokens";
import { audit, withMembersLocked } from "./members";
import { invitationStatus, presentInvitation } from "./presenters";

// The invitee's side of an invitation: only the person signed in with the invited
// email sees it and answers it. Accepting is the only way to join a workspace one
// does not own (owners create workspaces; see members.ts for the owner's side).

const withContext = {
  workspace: { select: { id: true, name: true } },
  invitedBy: { select: { name: true } },
} as const;

type InvitationWithContext = Parameters<typeof presentInvitation>[0] & {
  workspace: { id: string; name: string };
  invitedBy: { name: string };
};

function presentMyInvitation(invitation: InvitationWithContext) {
  return {
    ...presentInvitation(invitation),
    workspace: { id: invitation.workspace.id, name: invitation.workspace.name },
    invitedBy: { name: invitation.invitedBy.name },
  };
}

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

// The caller's invitations that can still be answered.
export async function listMyInvitations(actor: Actor) {
  const invitations = await db.invitation.findMany({
    where: { email: signedIn(actor).email.toLowerCase(), status: "pending", expiresAt: { gt: new Date() } },
    include: withContext,
    orderBy: { createdAt: "desc" },
  });
  return { items: invitations.map(presentMyInvitation) };
}

// The invitation behind an accept link, for the person it was sent to. A link that is
// not (or no longer) an invitation is 404; someone else's is 403, naming no one.
export async function findInvitationForLink(actor: Actor, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: withContext,
  });
  if (!invitation) throw new AppError("not_found", "This invitation link is not valid. It may have been cancelled.");
  if (!sameEmail(invitation.email, signedIn(actor).email))
    throw new AppError(
      "forbidden",
      "This invitation was sent to another email address. Sign in with that address to answer it.",
    );
  return presentMyInvitation(invitation);
}

// Accepts (joins with the invited role) or declines an invitation sent to the caller's email.
export async function respondToInvitation(actor: Actor, invitationId: string, answer: "accept" | "decline") {
  const user = signedIn(actor);
  const found = await db.invitation.findUnique({ where: { id: invitationId }, select: { workspaceId: true } });
  if (!found) throw new AppError("not_found", "Invitation not found.");
  return withMembersLocked(actor, found.workspaceId, "invitee", async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id: invitationId }, include: withContext });
    // Someone else's invitation is as good as absent: its id tells the caller nothing.
    if (!invitation || !sameEmail(invitation.email, user.email))
      throw new AppError("not_found", "Invitation not found.");
    const status = invitationStatus(invitation);
    if (status === "expired") throw new AppError("conflict", "This invitation has expired. Ask for a new one.");
    if (status !== "pending") throw new AppError("conflict", `This invitation was already ${status}.`);
    const respondedAt = new Date();
    if (answer === "accept") {
      const existing = await tx.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
      });
      if (!existing) {
        await tx.membership.create({
          data: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
        });
        await audit(tx, invitation.workspaceId, user.id, "member_add", user.id, {
          email: invitation.email,
          role: invitation.role,
          invitation: invitation.id,
        });
      }
    }
    const updated = await tx.invitation.update({
      where: { id: invitation.id },
      data: { status: answer === "accept" ? "accepted" : "declined", respondedAt },
      include: withContext,
    });
    return presentMyInvitation(updated);
  });
}

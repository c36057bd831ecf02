import "server-only";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/boss";
import { hashInvitationToken } from "@/lib/workspaces/invitation-tokens";
import { invitationStatus } from "@/lib/workspaces/presenters";
import { absoluteUrl, isMailEnabled } from "./config";
import { getDeliverySettings } from "./delivery-settings";
import { seal, unseal } from "./sealed";
import { invitationMail } from "./templates/invitation-mail";
import { sendMail } from "./transport";
import { oneClickUnsubscribePath, signUnsubscribeToken, unsubscribePath } from "./unsubscribe-token";

// Queues the invitation's mail (when mail is on). The accept path carries the token, so it
// waits on the queue sealed. Returns whether a mail was queued.
export async function queueInvitationMail(invitation: { id: string; acceptPath: string }): Promise<boolean> {
  if (!isMailEnabled()) return false;
  await enqueueJob("mail.invitation", { invitationId: invitation.id, sealedPath: seal(invitation.acceptPath) });
  return true;
}

// Sends it, if the invitation is still the one the link opens (pending, not renewed,
// cancelled or expired). An address with an account follows its owner's choice for
// invitations: instant is this mail; digest gathers the in-app notification in the daily
// digest (its link opens the workspaces page, where pending invitations are answered); never.
export async function sendInvitationMail(data: { invitationId: string; sealedPath: string }): Promise<boolean> {
  const acceptPath = unseal(data.sealedPath);
  const token = acceptPath?.split("/").pop();
  if (!acceptPath || !token) return false;
  const invitation = await db.invitation.findUnique({
    where: { id: data.invitationId },
    include: { workspace: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation || invitation.tokenHash !== hashInvitationToken(token)) return false;
  if (invitationStatus(invitation) !== "pending") return false;
  const user = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (user && (await getDeliverySettings(user.id)).invitation !== "instant") return false;
  const unsubscribe = user ? signUnsubscribeToken(user.id, "invitation") : null;
  const mail = invitationMail({
    inviterName: invitation.invitedBy.name,
    workspaceName: invitation.workspace.name,
    role: invitation.role,
    acceptUrl: absoluteUrl(acceptPath),
    expiresAt: invitation.expiresAt,
    ...(unsubscribe
      ? {
          unsubscribeUrl: absoluteUrl(unsubscribePath(unsubscribe)),
          settingsUrl: absoluteUrl("/settings/notifications"),
        }
      : {}),
  });
  await sendMail({
    ...mail,
    to: invitation.email,
    ...(unsubscribe ? { unsubscribeUrl: absoluteUrl(oneClickUnsubscribePath(unsubscribe)) } : {}),
  });
  // The in-app notification of this invitation was mailed by this mail.
  if (user)
    await db.notification.updateMany({
      where: { recipientId: user.id, kind: "invitation", invitationId: invitation.id, emailedAt: null },
      data: { emailedAt: new Date() },
    });
  return true;
}

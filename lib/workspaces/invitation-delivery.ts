import "server-only";
import { queueInvitationMail } from "@/lib/mail/send-invitation-mail";

// The seam where an invitation leaves the server: with mail on (SMTP_URL), a job on the queue
// emails the accept link (lib/mail); without it, nothing is sent and the owner copies the link
// from the invite dialog. Either way the owner is shown the link. Whatever happens here, the
// API's answer must not change with whether the email has an account; `emailed` says only
// whether this server sends mail. A queue that refuses the job leaves the invitation
// standing: the owner still has the link to pass on.
export async function deliverInvitation(invitation: {
  id: string;
  email: string;
  workspaceId: string;
  acceptPath: string;
}): Promise<{ emailed: boolean }> {
  try {
    return { emailed: await queueInvitationMail(invitation) };
  } catch (error) {
    console.error("Could not queue the invitation's mail:", error);
    return { emailed: false };
  }
}

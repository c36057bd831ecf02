import "server-only";

// The seam where an invitation leaves the server. Today nothing is sent: the owner
// copies the accept link from the invite dialog and passes it on. Email delivery
// (issue 16) goes here, through the job queue, with the absolute link built from
// the configured site URL. Whatever it does, the API's answer must not change with
// whether the email has an account.
export async function deliverInvitation(invitation: { email: string; workspaceId: string; acceptPath: string }) {
  void invitation;
}

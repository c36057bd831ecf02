import { ROLE_LABELS } from "@/lib/policies/workspace-policy";
import type { WorkspaceRole } from "@/lib/validations/common";
import { subjectLine } from "./escape";
import { renderMail, type RenderedMail } from "./layout";

// An invitation to a workspace, with its accept link.
export function invitationMail(input: {
  inviterName: string;
  workspaceName: string;
  role: WorkspaceRole;
  acceptUrl: string;
  expiresAt: Date;
  unsubscribeUrl?: string;
  settingsUrl?: string;
}): RenderedMail {
  const summary = `${input.inviterName} invited you to ${input.workspaceName} on Counterpoint`;
  const role = ROLE_LABELS[input.role].toLowerCase();
  return renderMail({
    subject: subjectLine(summary),
    heading: summary,
    blocks: [
      {
        type: "paragraph",
        text: `You are invited to join as ${role}. Open the link, sign in (or create an account) with this email address, and accept or decline.`,
      },
      { type: "button", label: "Accept or decline the invitation", url: input.acceptUrl },
      {
        type: "paragraph",
        text: `The link works until ${input.expiresAt.toISOString().slice(0, 10)}. If you did not expect this, ignore this email.`,
      },
    ],
    footer: `${input.inviterName} entered this address in Counterpoint.`,
    unsubscribeUrl: input.unsubscribeUrl,
    settingsUrl: input.settingsUrl,
  });
}

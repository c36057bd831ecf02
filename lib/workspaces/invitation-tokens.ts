import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceRole } from "@/lib/validations/common";
import { invitationStatus } from "./presenters";

// How long an invitation's link can be accepted.
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

// The link's secret: 32 random bytes, shown once; only its SHA-256 is stored.
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const invitationPath = (token: string) => `/invitations/${token}`;

// Creates the invitation, or renews one that was declined, expired or used (the
// person left since): a new token, a new expiry. A pending one is not replaced.
export async function issueInvitation(
  tx: Prisma.TransactionClient,
  input: { workspaceId: string; email: string; role: WorkspaceRole; invitedById: string },
) {
  const token = randomBytes(32).toString("base64url");
  const fresh = {
    role: input.role,
    invitedById: input.invitedById,
    tokenHash: hashInvitationToken(token),
    status: "pending" as const,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    respondedAt: null,
  };
  const existing = await tx.invitation.findUnique({
    where: { workspaceId_email: { workspaceId: input.workspaceId, email: input.email } },
  });
  if (existing && invitationStatus(existing) === "pending")
    throw new AppError(
      "conflict",
      `${input.email} has already been invited. Cancel that invitation to send a new one.`,
    );
  const invitation = existing
    ? await tx.invitation.update({ where: { id: existing.id }, data: { ...fresh, createdAt: new Date() } })
    : await tx.invitation.create({ data: { workspaceId: input.workspaceId, email: input.email, ...fresh } });
  return { invitation, token };
}

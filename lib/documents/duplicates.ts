import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// The first key of the advisory lock that serializes imports of one text into one workspace.
const IMPORT_LOCK = 1146441027;

// Two identical uploads at once: the first holds this lock to its commit, so the second
// sees the first's document when it looks and is refused. Texts or workspaces that differ
// rarely share a lock key, and then only wait for each other.
export async function refuseDuplicate(tx: Prisma.TransactionClient, workspaceId: string, hash: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}::int, hashtext(${`${workspaceId}:${hash}`}))`;
  const existing = await tx.document.findFirst({
    where: { workspaceId, contentHash: hash, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true },
  });
  if (existing)
    throw new AppError(
      "duplicate",
      `This workspace already holds this text, as “${existing.title}”. Send allowDuplicate=true to import it again.`,
      undefined,
      undefined,
      { existingId: existing.id },
    );
}

import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { jobSettings } from "@/lib/jobs/settings";

type Tx = Prisma.TransactionClient;

// One person's exports change one at a time (a new one is counted against the caps, a
// finished one against the quota): the person's row is locked for the transaction.
// NO KEY UPDATE, so rows that merely refer to the person are not held up.
export function withUserExportsLocked<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
    return work(tx);
  });
}

// Queued or running exports of a person that are still theirs (not expired).
export const activeExports = (tx: Tx, userId: string) =>
  tx.exportJob.count({
    where: { requestedById: userId, status: { in: ["queued", "running"] }, expiresAt: { gt: new Date() } },
  });

// Bytes of finished exports a person keeps now.
export async function storedExportBytes(tx: Tx, userId: string) {
  const { _sum } = await tx.exportJob.aggregate({
    where: { requestedById: userId, status: "done", expiresAt: { gt: new Date() } },
    _sum: { size: true },
  });
  return _sum.size ?? 0;
}

export function formatBytes(bytes: number) {
  const [size, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "MB"] : [bytes / 1024, "KB"];
  return `${size.toFixed(1).replace(/\.0$/, "")} ${unit}`;
}

export function quotaMessage(stored: number) {
  const { exportQuotaBytes, exportKeepHours } = jobSettings();
  return `Your finished exports take ${formatBytes(stored)} of the ${formatBytes(exportQuotaBytes)} you may keep; each is deleted ${exportKeepHours} hours after it was made. Delete some you have downloaded, export less, or try again later.`;
}

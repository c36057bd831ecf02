import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { JobAttempt } from "@/lib/jobs/handlers";
import { jobSettings } from "@/lib/jobs/settings";
import type { ExportFormat } from "@/lib/validations/export";
import { collectReport, type ReportScope } from "./collect-report";
import { EXPORT_WRITERS, exportFileName } from "./export-formats";
import { formatBytes, quotaMessage, storedExportBytes, withUserExportsLocked } from "./export-quota";
import { writeExport } from "./write-export";
import { DEADLINES } from "@/lib/workers/deadlines";

type RowUpdate = Parameters<typeof db.exportJob.update>[0]["data"];

// The `export.run` job: writes the export as its requester may see it now and stores the file
// in its row. The row is the user-facing status (progress, stage); the queue's job is the
// durable promise that this runs to the end: if the process dies mid-way, the job's heartbeat
// stops and the queue runs it again from the start.
export async function runExportJob(jobId: string, baseUrl: string, attempt: JobAttempt) {
  const job = await db.exportJob.findUnique({
    where: { id: jobId },
    omit: { result: true },
    include: { requestedBy: { select: { id: true, email: true, name: true } } },
  });
  // Expired and deleted, or already settled by an earlier attempt: nothing to do.
  if (!job || job.status === "done" || job.status === "failed") return;
  const update = (data: RowUpdate) => db.exportJob.update({ where: { id: jobId }, data, select: { id: true } });
  const actor = job.requestedBy;
  const format = job.format as ExportFormat;
  try {
    await update({
      status: "running",
      stage: "Collecting passages, threads and links",
      progress: 0.02,
      error: null,
    });
    const report = {
      ...(await collectReport(actor, { kind: job.scopeKind, id: job.scopeId } as ReportScope)),
      citationStyle: job.citationStyle === "chicago" ? ("chicago" as const) : ("apa" as const),
    };
    await update({ stage: `Writing ${format.toUpperCase()}`, progress: 0.1 });
    // Written in the untrusted-work pool, which reports progress at most five times a second.
    let progressWrite: Promise<unknown> = Promise.resolve();
    const file = Buffer.from(
      await writeExport(report, format, baseUrl, {
        deadlineMs: DEADLINES.backgroundExport(),
        onProgress: (fraction) => {
          progressWrite = progressWrite.then(() => update({ progress: 0.1 + 0.85 * fraction }).catch(() => undefined));
        },
      }),
    );
    await progressWrite;
    await withUserExportsLocked(actor.id, async (tx) => {
      const stored = await storedExportBytes(tx, actor.id);
      if (stored + file.byteLength > jobSettings().exportQuotaBytes)
        throw new AppError(
          "too_large",
          `This export (${formatBytes(file.byteLength)}) does not fit. ${quotaMessage(stored)}`,
        );
      await tx.exportJob.update({
        where: { id: jobId },
        data: {
          status: "done",
          stage: "Ready to download",
          progress: 1,
          result: file,
          size: file.byteLength,
          fileName: exportFileName(report, format),
          contentType: EXPORT_WRITERS[format].type,
          finishedAt: new Date(),
        },
        select: { id: true },
      });
    });
  } catch (error) {
    // Deleted by its requester while it ran: nothing is left to write to.
    if (!(await db.exportJob.count({ where: { id: jobId } }).catch(() => 1))) return;
    // A refusal (access lost, over quota) is final; anything else is tried again.
    if (error instanceof AppError) {
      await update({ status: "failed", stage: "Failed", error: error.message, finishedAt: new Date() });
      return;
    }
    console.error(`Export job ${jobId} failed (attempt ${attempt.retryCount + 1})`, error);
    if (attempt.retryCount < attempt.retryLimit)
      await update({ status: "queued", stage: "Trying again shortly", progress: 0 }).catch(() => undefined);
    throw error;
  }
}

// The `export.dead` job: every attempt of an export failed or died with its process.
export async function failDeadExport(jobId: string) {
  await db.exportJob.updateMany({
    where: { id: jobId, status: { in: ["queued", "running"] } },
    data: {
      status: "failed",
      stage: "Failed",
      error: "The export failed; try again, or export fewer items.",
      finishedAt: new Date(),
    },
  });
}

// The scheduled `export.expire` job: stored files (and their rows) go when they expire.
export async function expireExports(now = new Date()) {
  const { count } = await db.exportJob.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import type { ExportFormat } from "@/lib/validations/export";
import { authorizeReportScope, collectReport, type ReportScope } from "./collect-report";
import { EXPORT_WRITERS, exportBytes, exportFileName } from "./export-formats";

const KEEP_FOR_MS = 24 * 60 * 60 * 1000;
// Progress is written at most this often: a bar needs a few updates a second, not thousands.
const PROGRESS_EVERY_MS = 200;
// A job that has not moved for this long died with its server.
const STALLED_AFTER_MS = 10 * 60 * 1000;

type JobRow = NonNullable<Awaited<ReturnType<typeof db.exportJob.findUnique>>>;

function presentJob(job: Omit<JobRow, "result">, baseUrl = "") {
  const statusUrl = `${baseUrl}/api/v1/exports/${job.id}`;
  return {
    id: job.id,
    workspaceId: job.workspaceId,
    scope: { kind: job.scopeKind, id: job.scopeId },
    format: job.format,
    status: job.status,
    progress: job.progress,
    stage: job.stage,
    error: job.error,
    fileName: job.fileName,
    size: job.size,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    expiresAt: job.expiresAt.toISOString(),
    statusUrl,
    downloadUrl: job.status === "done" ? `${statusUrl}/download` : null,
  };
}
export type PresentedExportJob = ReturnType<typeof presentJob>;

const WITHOUT_RESULT = { result: false } as const;

// Starts an export in the background and answers at once; the caller polls the status
// URL (progress 0–1 with a stage) and downloads the file when it is done. The export is
// the requester's: it shows what they may see, and only they can read it back.
export async function startExportJob(actor: Actor, scope: ReportScope, format: ExportFormat, baseUrl: string) {
  if (!actor) throw new AppError("unauthenticated", "Sign in to run an export in the background.");
  const { access } = await authorizeReportScope(actor, scope);
  // Expired files go when new ones come.
  await db.exportJob.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const job = await db.exportJob.create({
    data: {
      workspaceId: access.workspace.id,
      requestedById: actor.id,
      scopeKind: scope.kind,
      scopeId: scope.id,
      format,
      expiresAt: new Date(Date.now() + KEEP_FOR_MS),
    },
    omit: WITHOUT_RESULT,
  });
  void runExportJob(job.id, actor, scope, format, baseUrl);
  return presentJob(job, baseUrl);
}

async function runExportJob(jobId: string, actor: Actor, scope: ReportScope, format: ExportFormat, baseUrl: string) {
  const update = (data: Parameters<typeof db.exportJob.update>[0]["data"]) =>
    db.exportJob.update({ where: { id: jobId }, data, select: { id: true } });
  try {
    await update({ status: "running", stage: "Collecting passages, threads and links", progress: 0.02 });
    const report = await collectReport(actor, scope);
    const writer = EXPORT_WRITERS[format];
    const pieces = writer.pieces(report);
    await update({ stage: `Writing ${format.toUpperCase()}`, progress: 0.1 });
    const parts: Uint8Array[] = [];
    let written = 0;
    let reportedAt = Date.now();
    for await (const part of exportBytes(writer.write(report, baseUrl))) {
      parts.push(part);
      written += 1;
      if (Date.now() - reportedAt >= PROGRESS_EVERY_MS) {
        reportedAt = Date.now();
        await update({ progress: 0.1 + 0.85 * Math.min(1, written / pieces) });
      }
    }
    const file = Buffer.concat(parts);
    await update({
      status: "done",
      stage: "Ready to download",
      progress: 1,
      result: file,
      size: file.byteLength,
      fileName: exportFileName(report, format),
      contentType: writer.type,
      finishedAt: new Date(),
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : "The export failed; try again, or export fewer items.";
    if (!(error instanceof AppError)) console.error(`Export job ${jobId} failed`, error);
    await update({ status: "failed", stage: "Failed", error: message, finishedAt: new Date() }).catch(() => undefined);
  }
}

async function findOwnJob(actor: Actor, jobId: string) {
  if (!actor) throw new AppError("unauthenticated", "Sign in to see your exports.");
  const job = await db.exportJob.findUnique({ where: { id: jobId }, omit: WITHOUT_RESULT });
  if (!job || job.requestedById !== actor.id || job.expiresAt < new Date())
    throw new AppError("not_found", "Export not found.");
  // Still allowed to export there (a member removed since loses their files too).
  await authorizeWorkspace(actor, job.workspaceId, "export");
  if (
    (job.status === "running" || job.status === "queued") &&
    Date.now() - job.createdAt.getTime() > STALLED_AFTER_MS
  ) {
    return {
      ...job,
      status: "failed" as const,
      stage: "Failed",
      error: "The export stopped (the server restarted); start it again.",
    };
  }
  return job;
}

export async function getExportJob(actor: Actor, jobId: string, baseUrl: string) {
  return presentJob(await findOwnJob(actor, jobId), baseUrl);
}

export async function downloadExportJob(actor: Actor, jobId: string): Promise<Response> {
  const job = await findOwnJob(actor, jobId);
  if (job.status !== "done")
    throw new AppError(
      "conflict",
      job.status === "failed"
        ? `This export failed: ${job.error}`
        : "This export is not finished yet; poll its status URL.",
    );
  const { result } = await db.exportJob.findUniqueOrThrow({ where: { id: jobId }, select: { result: true } });
  return new Response(new Uint8Array(result!), {
    headers: {
      "Content-Type": job.contentType!,
      "Content-Length": String(job.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(job.fileName!)}`,
      "Cache-Control": "no-store",
    },
  });
}

// The requester's recent exports in a workspace, newest first (for the exports panel).
export async function listExportJobs(actor: Actor, workspaceId: string, baseUrl: string) {
  if (!actor) throw new AppError("unauthenticated", "Sign in to see your exports.");
  await authorizeWorkspace(actor, workspaceId, "export");
  const jobs = await db.exportJob.findMany({
    where: { workspaceId, requestedById: actor.id, expiresAt: { gt: new Date() } },
    omit: WITHOUT_RESULT,
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return { items: jobs.map((job) => presentJob(job, baseUrl)) };
}

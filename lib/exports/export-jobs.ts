import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import type { CitationStyle } from "@/lib/citations/citation-styles";
import type { ExportFormat } from "@/lib/validations/export";
import { authorizeReportScope, type ReportScope } from "./collect-report";
import { enqueueJob, jobQueue } from "@/lib/jobs/boss";
import { jobSettings } from "@/lib/jobs/settings";
import { activeExports, quotaMessage, storedExportBytes, withUserExportsLocked } from "./export-quota";

// What a person turned away by the cap on exports at once is told to wait.
const RETRY_AFTER_SECONDS = 30;

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
// the requester's: it shows what they may see, and only they can read it back. The work is
// a job on the durable queue (lib/jobs), enqueued in the transaction that writes the row,
// so it runs even if this process dies; a person has a few at a time and a quota of bytes.
export async function startExportJob(
  actor: Actor,
  scope: ReportScope,
  format: ExportFormat,
  baseUrl: string,
  citationStyle: CitationStyle = "apa",
) {
  if (!actor) throw new AppError("unauthenticated", "Sign in to run an export in the background.");
  const { access } = await authorizeReportScope(actor, scope);
  const settings = jobSettings();
  await jobQueue({ work: true }); // started (the first time) before the transaction, not inside it
  const job = await withUserExportsLocked(actor.id, async (tx) => {
    const active = await activeExports(tx, actor.id);
    if (active >= settings.exportsPerUser)
      throw new AppError(
        "rate_limited",
        `You have ${active} exports queued or running, the most one person may have at once; start this one when one of them has finished.`,
        undefined,
        RETRY_AFTER_SECONDS,
      );
    const stored = await storedExportBytes(tx, actor.id);
    if (stored >= settings.exportQuotaBytes) throw new AppError("too_large", quotaMessage(stored));
    const job = await tx.exportJob.create({
      data: {
        workspaceId: access.workspace.id,
        requestedById: actor.id,
        scopeKind: scope.kind,
        scopeId: scope.id,
        format,
        citationStyle,
        expiresAt: new Date(Date.now() + settings.exportKeepHours * 60 * 60 * 1000),
      },
      omit: WITHOUT_RESULT,
    });
    await enqueueJob("export.run", { exportJobId: job.id, baseUrl }, { tx });
    return job;
  });
  return presentJob(job, baseUrl);
}

async function findOwnJob(actor: Actor, jobId: string) {
  if (!actor) throw new AppError("unauthenticated", "Sign in to see your exports.");
  const job = await db.exportJob.findUnique({ where: { id: jobId }, omit: WITHOUT_RESULT });
  if (!job || job.requestedById !== actor.id || job.expiresAt < new Date())
    throw new AppError("not_found", "Export not found.");
  // Still allowed to export there (a member removed since loses their files too).
  await authorizeWorkspace(actor, job.workspaceId, "export");
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

// The requester deletes an export: a file they have downloaded stops counting against their
// quota, and one still queued or running is called off (its job finds no row and stops).
export async function deleteExportJob(actor: Actor, jobId: string) {
  if (!actor) throw new AppError("unauthenticated", "Sign in to delete your exports.");
  const job = await db.exportJob.findUnique({ where: { id: jobId }, select: { requestedById: true } });
  if (!job || job.requestedById !== actor.id) throw new AppError("not_found", "Export not found.");
  await db.exportJob.deleteMany({ where: { id: jobId } });
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

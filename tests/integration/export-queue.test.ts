import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as exportJobs from "@/app/api/v1/exports/route";
import * as exportJob from "@/app/api/v1/exports/[id]/route";
import * as exportDownload from "@/app/api/v1/exports/[id]/download/route";
import { describeRange } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { runExportJob } from "@/lib/exports/run-export-job";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { enqueueJob, jobQueue, stopJobQueue } from "@/lib/jobs/boss";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { generateLongText } from "../fixtures/long-text";
import { call, expectError, makeUser } from "../support/api";
import { simulateAnnotations } from "../support/simulate-revision";

// Background exports on the durable queue (lib/jobs). This process only enqueues
// (JOB_WORKERS=0); the work is done by real worker processes, started and killed here.
const ENV = { JOB_WORKERS: "0", JOB_SUPERVISE_SECONDS: "1", JOB_POLLING_SECONDS: "0.5", JOB_HEARTBEAT_SECONDS: "10" };
const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  for (const [name, value] of Object.entries(ENV)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(async () => {
  await stopJobQueue(1_000);
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A workspace of `documents` generated texts, each with `annotations` passages of
// `repliesEach` replies (written straight to the database: thousands through the API
// would take minutes).
async function workspaceWithText(label: string, { documents: count = 1, annotations = 0, repliesEach = 0 } = {}) {
  const owner = await makeUser(label);
  const workspaceId = (await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: label } })).body
    .id as string;
  for (let index = 0; index < count; index++) {
    const documentId = (
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: {
          title: `${label} report ${index + 1}`,
          text: generateLongText({ seed: 7 + index, minLength: annotations ? 20_000 : 2_000 }),
        },
      })
    ).body.id as string;
    if (!annotations) continue;
    const stored = (await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { text: true } })).text;
    const created = await db.annotation.createManyAndReturn({
      data: simulateAnnotations(stored, annotations, 5 + index).map((passage, number) => {
        const body = `Note ${index}.${number}: this passage matters for the argument.`;
        return {
          workspaceId,
          documentId,
          creatorId: owner.id,
          selectors: describeRange(stored, passage.start, passage.end),
          start: passage.start,
          end: passage.end,
          quote: passage.quote,
          prefix: passage.prefix,
          suffix: passage.suffix,
          body,
          bodyHtml: `<p>${body}</p>`,
        };
      }),
      select: { id: true },
    });
    for (let round = 0; round < repliesEach; round++) {
      const body = `Reply ${round} in this thread, with an argument.`;
      const bodyHtml = renderMarkdown(body);
      await db.reply.createMany({
        data: created.map((annotation) => ({
          workspaceId,
          annotationId: annotation.id,
          authorId: owner.id,
          body,
          bodyHtml,
          stance: "supports" as const,
        })),
      });
    }
  }
  return { owner, workspaceId };
}

// A finished export of `size` bytes, kept for another minute.
const storedExport = (requestedById: string, workspaceId: string, size: number) =>
  db.exportJob.create({
    data: {
      workspaceId,
      requestedById,
      scopeKind: "workspace",
      scopeId: workspaceId,
      format: "md",
      status: "done",
      result: new Uint8Array(size),
      size,
      expiresAt: new Date(Date.now() + 60_000),
    },
  });

const start = (token: string, workspaceId: string, format = "argdown") =>
  call(exportJobs.POST, {
    method: "POST",
    token,
    body: { scope: { kind: "workspace", id: workspaceId }, format },
  });

// A worker process, as `npm run jobs -- worker` starts it, in a process group of its own
// so that kill -9 takes all of it (tsx runs node as its child).
function startWorker(log: string[]): ChildProcess {
  const worker = spawn(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions", "react-server", "scripts/jobs.ts", "worker"],
    { env: { ...process.env, JOB_WORKERS: "1" }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  worker.stdout!.on("data", (chunk) => log.push(String(chunk)));
  worker.stderr!.on("data", (chunk) => log.push(String(chunk)));
  return worker;
}
const killHard = (worker: ChildProcess) => {
  try {
    process.kill(-worker.pid!, "SIGKILL");
  } catch {
    // already gone
  }
};

describe("export caps", () => {
  it("lets a person have 3 exports queued or running at once, then answers 429 with Retry-After", async () => {
    const { owner, workspaceId } = await workspaceWithText("cap");
    const other = await makeUser("cap-other");
    for (let index = 0; index < 3; index++) expect((await start(owner.token, workspaceId)).status).toBe(202);
    const refused = await start(owner.token, workspaceId);
    expectError(refused, 429);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(refused.body.error.message).toMatch(/3 exports queued or running/);
    expect(await db.exportJob.count({ where: { requestedById: owner.id } })).toBe(3);
    // Another person is not held up; a finished or failed export frees a place.
    expect(other.id).not.toBe(owner.id);
    const first = await db.exportJob.findFirstOrThrow({ where: { requestedById: owner.id } });
    await db.exportJob.update({ where: { id: first.id }, data: { status: "failed" } });
    expect((await start(owner.token, workspaceId)).status).toBe(202);
    expectError(await start(owner.token, workspaceId), 429);
    await db.exportJob.deleteMany({ where: { requestedById: owner.id } });
  });

  it("refuses a new export with 413 once a person's stored files reach the quota, and fails one that would pass it", async () => {
    const { owner, workspaceId } = await workspaceWithText("quota");
    process.env.EXPORT_QUOTA_BYTES = "5000";
    try {
      const stored = await storedExport(owner.id, workspaceId, 4_900);
      // Under the quota a new export is accepted, but a file that would pass it is not kept.
      const started = await start(owner.token, workspaceId, "md");
      expect(started.status).toBe(202);
      await runExportJob(started.body.id, "http://localhost", { retryCount: 0, retryLimit: 3 });
      const failed = (await call(exportJob.GET, { token: owner.token, params: { id: started.body.id } })).body;
      expect(failed).toMatchObject({ status: "failed", downloadUrl: null });
      expect(failed.error).toMatch(
        /^This export \([\d.]+ KB\) does not fit\. Your finished exports take 4\.8 KB of the 4\.9 KB you may keep/,
      );
      // At the quota, nothing new starts: 413 with the reason.
      await db.exportJob.update({ where: { id: stored.id }, data: { size: 5_000 } });
      const refused = await start(owner.token, workspaceId, "md");
      expectError(refused, 413);
      expect(refused.body.error.message).toMatch(/deleted 24 hours after it was made/);
      // Expired files do not count.
      await db.exportJob.update({ where: { id: stored.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
      expect((await start(owner.token, workspaceId, "md")).status).toBe(202);
    } finally {
      delete process.env.EXPORT_QUOTA_BYTES;
      await db.exportJob.deleteMany({ where: { requestedById: owner.id } });
    }
  });
});

describe("deleting exports", () => {
  it("frees the quota at once, calls off a queued one, and is open only to the requester", async () => {
    const { owner, workspaceId } = await workspaceWithText("delete");
    const other = await makeUser("delete-other");
    process.env.EXPORT_QUOTA_BYTES = "5000";
    try {
      const stored = await storedExport(owner.id, workspaceId, 5_000);
      expectError(await start(owner.token, workspaceId, "md"), 413);
      expectError(
        await call(exportJob.DELETE, { method: "DELETE", token: other.token, params: { id: stored.id } }),
        404,
      );
      expectError(await call(exportJob.DELETE, { method: "DELETE", params: { id: stored.id } }), 401);
      const deleted = await call(exportJob.DELETE, { method: "DELETE", token: owner.token, params: { id: stored.id } });
      expect(deleted.status).toBe(204);
      expectError(await call(exportJob.GET, { token: owner.token, params: { id: stored.id } }), 404);
      // The quota is free again; a queued export deleted before it runs is never written.
      const queued = await start(owner.token, workspaceId, "md");
      expect(queued.status).toBe(202);
      expect(
        (await call(exportJob.DELETE, { method: "DELETE", token: owner.token, params: { id: queued.body.id } })).status,
      ).toBe(204);
      await runExportJob(queued.body.id, "http://localhost", { retryCount: 0, retryLimit: 3 });
      expect(await db.exportJob.count({ where: { requestedById: owner.id } })).toBe(0);
    } finally {
      delete process.env.EXPORT_QUOTA_BYTES;
      await db.exportJob.deleteMany({ where: { requestedById: owner.id } });
    }
  });
});

describe("durable exports", () => {
  it("finish after their worker is killed with -9 mid-way and started again, with a correct file and no row left running", async () => {
    const { owner, workspaceId } = await workspaceWithText("durable", {
      documents: 12,
      annotations: 60,
      repliesEach: 4,
    });
    await db.$executeRawUnsafe("ANALYZE");
    const started = await start(owner.token, workspaceId, "pdf");
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    const status = async () => (await call(exportJob.GET, { token: owner.token, params: { id } })).body;

    const log: string[] = [];
    let worker = startWorker(log);
    let progressAtKill = 0;
    try {
      for (let waited = 0; waited < 240_000; waited += 50) {
        const now = await status();
        expect(now.status, log.join("")).not.toBe("done");
        if (now.status === "running" && now.progress >= 0.2) {
          progressAtKill = now.progress;
          break;
        }
        await sleep(50);
      }
      expect(progressAtKill, log.join("")).toBeGreaterThanOrEqual(0.2);
      killHard(worker);
      await sleep(500);
      const afterKill = await status();
      expect(afterKill.status).toBe("running"); // nobody is working on it now
      expect(afterKill.progress).toBeLessThan(1);

      worker = startWorker(log);
      let finished = afterKill;
      for (let waited = 0; waited < 240_000 && !["done", "failed"].includes(finished.status); waited += 250) {
        await sleep(250);
        finished = await status();
      }
      expect(finished, log.join("")).toMatchObject({ status: "done", progress: 1, stage: "Ready to download" });
    } finally {
      killHard(worker);
    }

    // The queue ran it again (a second attempt), rather than the first process finishing it.
    // (On a loaded machine a long stall can cost a heartbeat and one more, idle, attempt.)
    const boss = await jobQueue();
    const queuedJob = async () =>
      (await boss.findJobs<{ exportJobId: string }>("export.run", { data: { exportJobId: id } }))[0];
    let queued = await queuedJob();
    for (let waited = 0; waited < 60_000 && queued?.state !== "completed"; waited += 500) {
      await sleep(500);
      queued = await queuedJob();
    }
    expect(queued).toMatchObject({ state: "completed" });
    expect(queued!.retryCount).toBeGreaterThanOrEqual(1);
    expect(await db.exportJob.count({ where: { status: "running" } })).toBe(0);

    // The file is a whole PDF: every document in its outline, the last passage near its end.
    const response = await exportDownload.GET(
      new Request(`http://localhost/api/v1/exports/${id}/download`, {
        headers: { authorization: `Bearer ${owner.token}` },
      }),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(200);
    const file = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(file.byteLength));
    expect(new TextDecoder().decode(file.subarray(0, 5))).toBe("%PDF-");
    expect(new TextDecoder().decode(file.subarray(-6))).toMatch(/%%EOF\s*$/);
    const pdf = await getDocumentProxy(file);
    const outline = (await pdf.getOutline()).map((item) => item.title);
    for (let index = 1; index <= 12; index++) expect(outline).toContain(`durable report ${index}`);
    let tail = "";
    // (The last document's passages, then the bibliography: the last 25 pages hold them.)
    for (let page = Math.max(1, pdf.numPages - 25); page <= pdf.numPages; page++)
      tail += (await (await pdf.getPage(page)).getTextContent()).items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ");
    expect(tail).toContain("Note 11.59:");
  }, 600_000);
});

describe("export expiry", () => {
  it("deletes expired files and their rows on a schedule", async () => {
    const { owner, workspaceId } = await workspaceWithText("expiry");
    process.env.JOB_WORKERS = "1";
    await jobQueue({ work: true });
    const row = (expiresAt: Date) => ({
      workspaceId,
      requestedById: owner.id,
      scopeKind: "workspace",
      scopeId: workspaceId,
      format: "md",
      status: "done" as const,
      result: new Uint8Array(10),
      size: 10,
      expiresAt,
    });
    const old = await db.exportJob.create({ data: row(new Date(Date.now() - 1_000)) });
    const fresh = await db.exportJob.create({ data: row(new Date(Date.now() + 60 * 60 * 1000)) });
    await JOB_HANDLERS["export.expire"]({}, { retryCount: 0, retryLimit: 1 });
    expect(await db.exportJob.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.exportJob.findUnique({ where: { id: fresh.id } })).not.toBeNull();
    // Working on jobs, this process put it on its schedule.
    const boss = await jobQueue();
    expect(await boss.getSchedules("export.expire")).toEqual([
      expect.objectContaining({ name: "export.expire", cron: "*/10 * * * *" }),
    ]);
  });
});

describe("failed exports", () => {
  it("are marked failed once every attempt has failed, never left running", async () => {
    const { owner, workspaceId } = await workspaceWithText("doomed");
    // This process works on jobs from now on.
    process.env.JOB_WORKERS = "1";
    await jobQueue({ work: true });
    // A format no writer knows makes every attempt throw.
    const row = await db.exportJob.create({
      data: {
        workspaceId,
        requestedById: owner.id,
        scopeKind: "workspace",
        scopeId: workspaceId,
        format: "docx",
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await enqueueJob(
      "export.run",
      { exportJobId: row.id, baseUrl: "http://localhost" },
      { retryLimit: 1, retryDelay: 1 },
    );
    let status = "queued";
    for (let waited = 0; waited < 150_000 && status !== "failed"; waited += 200) {
      await sleep(200);
      status = (await db.exportJob.findUniqueOrThrow({ where: { id: row.id } })).status;
    }
    const boss = await jobQueue();
    const jobs = [
      ...(await boss.findJobs("export.run", { data: { exportJobId: row.id } })),
      ...(await boss.findJobs("export.dead", { data: { exportJobId: row.id } })),
    ];
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: row.id } }), JSON.stringify(jobs)).toMatchObject({
      status: "failed",
      error: "The export failed; try again, or export fewer items.",
    });
  }, 200_000);
});

describe("exports from before the queue", () => {
  it("are marked failed by the migration that moved exports onto the queue", async () => {
    const { owner, workspaceId } = await workspaceWithText("legacy");
    const sql = readFileSync("prisma/migrations/20261129140200_export_jobs_on_queue/migration.sql", "utf8");
    const row = (status: "running" | "done") => ({
      workspaceId,
      requestedById: owner.id,
      scopeKind: "workspace",
      scopeId: workspaceId,
      format: "md",
      status,
      expiresAt: new Date(Date.now() + 60_000),
    });
    const stuck = await db.exportJob.create({ data: row("running") });
    const done = await db.exportJob.create({ data: row("done") });
    await db.$executeRawUnsafe(sql);
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({
      status: "failed",
      error: "The export stopped (the server restarted); start it again.",
    });
    expect((await db.exportJob.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("done");
  });
});

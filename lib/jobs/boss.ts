import { PgBoss, fromPrisma, type PrismaTransactionLike, type SendOptions } from "pg-boss";
import { JOB_KINDS, jobKinds, type JobData, type JobKind } from "./kinds";
import { jobSettings } from "./settings";

// The one durable job queue: pg-boss, in the application's own PostgreSQL (its tables live in
// the `pgboss` schema, which pg-boss creates and migrates itself). One instance per process,
// started on first use; `npm start`, the migration runner and the test databases install the
// schema up front (installJobQueue), so the first request finds it ready.
const SCHEMA = "pgboss";

function bossOptions(connectionString: string, { maintain }: { maintain: boolean }) {
  const settings = jobSettings();
  return {
    connectionString,
    schema: SCHEMA,
    max: 4,
    application_name: "counterpoint-jobs",
    // Only a process that works on jobs looks after them (retries of dead workers, expiry, schedules).
    supervise: maintain,
    schedule: maintain,
    superviseIntervalSeconds: settings.superviseSeconds,
    monitorIntervalSeconds: settings.superviseSeconds,
    useListenNotify: maintain,
  };
}

// Creates or migrates the `pgboss` schema and the queues. Idempotent; pg-boss serializes
// concurrent installs with an advisory lock of its own.
export async function installJobQueue(connectionString: string) {
  const boss = new PgBoss({ ...bossOptions(connectionString, { maintain: false }), registerInstance: false });
  boss.on("error", (error) => console.error("Job queue:", error));
  await boss.start();
  try {
    await createQueues(boss);
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

async function createQueues(boss: PgBoss) {
  const kinds = jobKinds();
  for (const kind of JOB_KINDS) {
    const { queue } = kinds[kind];
    if (await boss.getQueue(kind)) await boss.updateQueue(kind, queue);
    else await boss.createQueue(kind, { ...queue, notify: true });
  }
}

type Started = { boss: PgBoss; workers: boolean };
const globalForJobs = globalThis as unknown as { jobQueue?: Promise<Started> };

// The process's queue, started on first call. With `work` (and JOB_WORKERS not "0") this
// process also works on every kind of job: the Next server does, from instrumentation.ts.
export async function jobQueue({ work = false }: { work?: boolean } = {}): Promise<PgBoss> {
  const wantWorkers = work && jobSettings().workers;
  let started = globalForJobs.jobQueue;
  if (!started) {
    started = globalForJobs.jobQueue = startQueue(wantWorkers);
    started.catch(() => {
      if (globalForJobs.jobQueue === started) globalForJobs.jobQueue = undefined;
    });
  }
  const current = await started;
  if (wantWorkers && !current.workers) {
    current.workers = true;
    const { startWorkers } = await import("./workers");
    await startWorkers(current.boss);
  }
  return current.boss;
}

async function startQueue(workers: boolean): Promise<Started> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the job queue lives in the application database.");
  const boss = new PgBoss({ ...bossOptions(url, { maintain: true }), instanceName: `counterpoint-${process.pid}` });
  boss.on("error", (error) => console.error("Job queue:", error));
  await boss.start();
  await createQueues(boss);
  if (workers) {
    const { startWorkers } = await import("./workers");
    await startWorkers(boss);
  }
  return { boss, workers };
}

// Stops this process's queue: running jobs are given `timeoutMs` to finish (the rest are
// retried elsewhere or after a restart).
export async function stopJobQueue(timeoutMs = 10_000) {
  const started = globalForJobs.jobQueue;
  globalForJobs.jobQueue = undefined;
  if (!started) return;
  const { boss } = await started;
  await boss.stop({ graceful: true, close: true, timeout: timeoutMs });
}

// Puts a job on the queue. Inside a Prisma transaction (`tx`), the job is enqueued only if
// the transaction commits, with the rows it refers to. A process that enqueues also works
// (unless JOB_WORKERS=0), so tests and scripts need no separate worker.
export async function enqueueJob<K extends JobKind>(
  kind: K,
  data: JobData[K],
  { tx, ...options }: { tx?: PrismaTransactionLike } & Omit<SendOptions, "db"> = {},
): Promise<string> {
  const boss = await jobQueue({ work: true });
  const id = await boss.send(kind, data, { ...options, ...(tx ? { db: fromPrisma(tx) } : {}) });
  if (!id) throw new Error(`The job queue refused a ${kind} job.`);
  return id;
}

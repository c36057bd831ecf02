// The job queue from the command line:
//   npm run jobs -- worker   work on jobs in this process (as every app server does) until stopped
//   npm run jobs -- status   each kind's jobs by state, and the schedules
// Run with `tsx --conditions react-server` (see package.json): job handlers are server modules.
import { jobQueue, stopJobQueue } from "../lib/jobs/boss";
import { JOB_KINDS } from "../lib/jobs/kinds";

const command = process.argv[2] ?? "status";
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: the job queue lives in the application database.");
  process.exit(2);
}

if (command === "worker") {
  await jobQueue({ work: true });
  console.log(`Working on ${JOB_KINDS.join(", ")} (pid ${process.pid}).`);
  const stop = async () => {
    await stopJobQueue();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
} else if (command === "status") {
  const boss = await jobQueue();
  for (const queue of await boss.getQueues(JOB_KINDS)) {
    console.log(
      `${queue.name.padEnd(14)} queued ${queue.queuedCount}, active ${queue.activeCount}, failed ${queue.failedCount}, total ${queue.totalCount}`,
    );
  }
  for (const schedule of await boss.getSchedules()) console.log(`schedule ${schedule.name}: ${schedule.cron} (UTC)`);
  await stopJobQueue();
} else {
  console.error(`Unknown command ${command}: use worker or status.`);
  process.exit(2);
}

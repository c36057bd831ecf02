import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { seededRandom } from "@/tests/support/simulate-revision";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-content";
import { freePort } from "../lib/postgres-server";
import { percentile } from "./load";
import { signIn } from "./sign-in";

// npm run bench -- chaos: `npm start` on a data directory of its own, writers creating
// annotations, replies and votes through the API, and at a random moment of each round one
// of PostgreSQL, the app, or the whole process tree is killed with SIGKILL. `npm start` is
// run again each time, with no cleanup in between. At the end every write that was
// acknowledged (2xx) must be in the database, whole: a vote counted in its reply's score,
// a reply on an existing annotation, an annotation with its selectors and quote.
const ROUNDS = ["postgres", "app", "everything"] as const;
const WRITERS = 6;
const START_TIMEOUT_MS = 240_000;

type Victim = (typeof ROUNDS)[number];
type AckedAnnotation = { id: string; start: number; end: number; quote: string; body: string };
type AckedReply = { id: string; annotationId: string; body: string };
type AckedVote = { replyId: string; userEmail: string; value: 1 | -1 };
type Writer = { email: string; cookie: string };

export async function benchChaos(): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "counterpoint-chaos-"));
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const random = seededRandom(Number(process.env.CHAOS_SEED ?? 14));
  const statuses = new Map<string, number>();
  const downtimes: number[] = [];
  const annotations: AckedAnnotation[] = [];
  const replies: AckedReply[] = [];
  const votes: AckedVote[] = [];
  let server: StartedServer | null = null;
  try {
    server = await startCounterpoint(dataDir, port);
    console.log(`npm start is up on port ${port} (PostgreSQL on ${server.postgresPort}).`);
    const writers = await Promise.all(
      DEMO_USERS.filter((user) => user.role !== "viewer").map(async (user) => ({
        email: user.email,
        cookie: await signIn(base, user.email, DEMO_PASSWORD),
      })),
    );
    const owner = writers[0]!;
    const workspaceId = (await getJson(base, owner, "/api/v1/workspaces")).items[0].id as string;
    const documentId = (await getJson(base, owner, `/api/v1/workspaces/${workspaceId}/documents`)).items[0]
      .id as string;
    const text = Array.from((await getJson(base, owner, `/api/v1/documents/${documentId}`)).text as string);

    const votedBy = new Set<string>();
    const write = async (writer: Writer, url: string, body: unknown) => {
      let response: Response;
      try {
        response = await fetch(`${base}${url}`, {
          method: "POST",
          headers: { cookie: writer.cookie, origin: base, "content-type": "application/json" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
      } catch {
        statuses.set("no answer", (statuses.get("no answer") ?? 0) + 1);
        await delay(100); // nobody listening: a person's client would not spin either
        return null;
      }
      statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
      const json = await response.json().catch(() => null);
      return response.ok ? json : null;
    };
    const writeOnce = async (client: number, serial: number) => {
      const writer = writers[client % writers.length]!;
      const choice = random();
      if (choice < 0.4 || replies.length < 3) {
        const start = Math.floor(random() * (text.length - 80));
        const end = start + 5 + Math.floor(random() * 60);
        const quote = text.slice(start, end).join("");
        const body = `Chaos note ${serial} by ${writer.email}`;
        const created = await write(writer, `/api/v1/documents/${documentId}/annotations`, {
          selectors: [
            { type: "TextQuoteSelector", exact: quote },
            { type: "TextPositionSelector", start, end },
          ],
          body,
        });
        if (created) annotations.push({ id: created.id, start, end, quote: created.quote ?? quote, body });
        if (!annotations.length) return;
      }
      if (choice < 0.75 && annotations.length) {
        const annotation = annotations[Math.floor(random() * annotations.length)]!;
        const body = `Chaos reply ${serial} by ${writer.email}`;
        const created = await write(writer, `/api/v1/annotations/${annotation.id}/replies`, {
          body,
          stance: ["supports", "opposes", "qualifies", "asks"][serial % 4],
        });
        if (created) replies.push({ id: created.id, annotationId: annotation.id, body });
        return;
      }
      const candidates = replies.filter(
        (reply) => !votedBy.has(`${reply.id}:${writer.email}`) && !reply.body.endsWith(writer.email),
      );
      if (!candidates.length) return;
      const reply = candidates[Math.floor(random() * candidates.length)]!;
      const value = random() < 0.7 ? 1 : -1;
      votedBy.add(`${reply.id}:${writer.email}`); // once only, acknowledged or not
      if (await write(writer, `/api/v1/replies/${reply.id}/votes`, { value })) {
        votes.push({ replyId: reply.id, userEmail: writer.email, value });
      }
    };

    let serial = 0;
    for (const [round, victim] of ROUNDS.entries()) {
      const killAfterMs = 3_000 + Math.floor(random() * 5_000);
      let isWriting = true;
      const writing = Promise.all(
        Array.from({ length: WRITERS }, async (_, client) => {
          while (isWriting) {
            await writeOnce(client, serial++);
            if (!isWriting) break;
          }
        }),
      );
      await delay(killAfterMs);
      const killedAt = performance.now();
      const current = server!;
      server = null;
      killVictim(current, victim);
      console.log(`Round ${round + 1}: killed ${victim} with SIGKILL after ${killAfterMs} ms of writing.`);
      await current.exited;
      // Writers keep trying through the outage; their failures are not acknowledged.
      await delay(1_000);
      server = await startCounterpoint(dataDir, port);
      downtimes.push(performance.now() - killedAt);
      await delay(2_000);
      isWriting = false;
      await writing;
    }

    const ackedWrites = annotations.length + replies.length + votes.length;
    const verdict = await verify(server!.databaseUrl, { annotations, replies, votes });
    console.log(
      `\n${ROUNDS.length} rounds; acknowledged writes: ${annotations.length} annotations, ${replies.length} replies, ${votes.length} votes (${ackedWrites} in all).`,
    );
    console.log(
      `Answers during the run: ${[...statuses.entries()]
        .sort()
        .map(([status, count]) => `${status} × ${count}`)
        .join(", ")}.`,
    );
    console.log(
      `Kill to healthy again (npm start rerun, no cleanup): ${downtimes.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ")} (p50 ${(percentile(downtimes, 0.5) / 1000).toFixed(1)} s).`,
    );
    console.log(`Lost acknowledged writes: ${verdict.lost.length}.`);
    for (const line of verdict.lost.slice(0, 10)) console.log(`  lost: ${line}`);
    console.log(`Half-written or inconsistent records: ${verdict.broken.length}.`);
    for (const line of verdict.broken.slice(0, 10)) console.log(`  broken: ${line}`);
    console.log(`Writes present but never acknowledged (in flight at a kill): ${verdict.unacknowledged}.`);
    const serverErrors = statuses.get("500") ?? 0;
    console.log(`500 answers: ${serverErrors}.`);
    for (const text of unexpectedErrors) console.log(`  the app logged: ${text}`);
    const isMet = verdict.lost.length === 0 && verdict.broken.length === 0 && serverErrors === 0 && ackedWrites > 30;
    console.log(isMet ? "Target met: nothing acknowledged was lost or half-written." : "Target MISSED.");
    return isMet;
  } finally {
    if (server) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// The first few errors the app logged as unexpected, to say what the 500s were.
const unexpectedErrors: string[] = [];

type StartedServer = {
  process: ChildProcess;
  exited: Promise<void>;
  postgresPort: number;
  postgresPid: number;
  appPid: number;
  databaseUrl: string;
  stop: () => Promise<void>;
};

// `npm start` exactly as a person runs it, on the bench's own data directory.
async function startCounterpoint(dataDir: string, port: number): Promise<StartedServer> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
    env: { ...process.env, COUNTERPOINT_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const output: string[] = [];
  const ready = new Promise<{ postgresPort: number; postgresDir: string }>((resolve, reject) => {
    let postgres: { postgresPort: number; postgresDir: string } | null = null;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output.push(text);
      const started = text.match(/Embedded PostgreSQL is running on port (\d+) \(data in (.+)\)\./);
      if (started) postgres = { postgresPort: Number(started[1]), postgresDir: started[2]! };
      if (text.includes("Counterpoint is ready") && postgres) resolve(postgres);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      if (text.includes("unexpected error") && unexpectedErrors.length < 5) unexpectedErrors.push(text.slice(0, 1500));
    });
    void exited.then(() => reject(new Error(`npm start exited before it was ready:\n${output.join("").slice(-2000)}`)));
    setTimeout(
      () => reject(new Error(`npm start was not ready in time:\n${output.join("").slice(-2000)}`)),
      START_TIMEOUT_MS,
    );
  });
  const { postgresPort, postgresDir } = await ready;
  const password = readFileSync(path.join(postgresDir, "..", `${path.basename(postgresDir)}.password`), "utf8").trim();
  return {
    process: child,
    exited,
    postgresPort,
    postgresPid: Number(readFileSync(path.join(postgresDir, "postmaster.pid"), "utf8").split("\n")[0]),
    appPid: descendants(child.pid!).find((pid) => commandLine(pid).includes("next"))!,
    databaseUrl: `postgresql://counterpoint:${encodeURIComponent(password)}@127.0.0.1:${postgresPort}/counterpoint`,
    stop: async () => {
      child.kill("SIGINT");
      await exited;
    },
  };
}

function killVictim(server: StartedServer, victim: Victim) {
  const pids =
    victim === "postgres"
      ? [server.postgresPid]
      : victim === "app"
        ? [server.appPid]
        : [server.process.pid!, ...descendants(server.process.pid!), server.postgresPid];
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited while listing
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const [child, parent] of parents) {
      if (parent !== pid) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

async function verify(
  databaseUrl: string,
  acked: { annotations: AckedAnnotation[]; replies: AckedReply[]; votes: AckedVote[] },
) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const lost: string[] = [];
  const broken: string[] = [];
  try {
    const annotationRows = new Map(
      (await client.query(`SELECT id, body, "start", "end", quote FROM "Annotation"`)).rows.map((row) => [row.id, row]),
    );
    for (const annotation of acked.annotations) {
      const row = annotationRows.get(annotation.id);
      if (!row) lost.push(`annotation ${annotation.id}`);
      else if (row.body !== annotation.body || row.quote !== annotation.quote)
        broken.push(`annotation ${annotation.id} differs from what was acknowledged`);
    }
    const replyRows = new Map(
      (await client.query(`SELECT id, body, "annotationId" FROM "Reply"`)).rows.map((row) => [row.id, row]),
    );
    for (const reply of acked.replies) {
      const row = replyRows.get(reply.id);
      if (!row) lost.push(`reply ${reply.id}`);
      else if (row.body !== reply.body || row.annotationId !== reply.annotationId)
        broken.push(`reply ${reply.id} differs from what was acknowledged`);
    }
    const emails = new Map(
      (await client.query(`SELECT id, email FROM "User"`)).rows.map((row) => [row.email as string, row.id as string]),
    );
    const voteRows = new Set(
      (await client.query(`SELECT "replyId", "userId", value FROM "Vote" WHERE "replyId" IS NOT NULL`)).rows.map(
        (row) => `${row.replyId}:${row.userId}:${row.value}`,
      ),
    );
    for (const vote of acked.votes) {
      if (!voteRows.has(`${vote.replyId}:${emails.get(vote.userEmail)}:${vote.value}`))
        lost.push(`vote ${vote.value} by ${vote.userEmail} on reply ${vote.replyId}`);
    }
    // Derived figures agree with the rows they are derived from.
    const scores = await client.query(`
      SELECT r.id, r.score, coalesce(sum(v.value), 0)::int AS counted
      FROM "Reply" r LEFT JOIN "Vote" v ON v."replyId" = r.id
      GROUP BY r.id HAVING r.score <> coalesce(sum(v.value), 0)`);
    for (const row of scores.rows) broken.push(`reply ${row.id} has score ${row.score} but ${row.counted} in votes`);
    const orphans = await client.query(`
      SELECT r.id FROM "Reply" r LEFT JOIN "Annotation" a ON a.id = r."annotationId" WHERE a.id IS NULL`);
    for (const row of orphans.rows) broken.push(`reply ${row.id} has no annotation`);
    const unanchored = await client.query(`
      SELECT id FROM "Annotation" WHERE quote = '' OR "end" <= "start" OR selectors IS NULL`);
    for (const row of unanchored.rows) broken.push(`annotation ${row.id} has no usable anchor`);
    const known = new Set([...acked.annotations.map((a) => a.id), ...acked.replies.map((r) => r.id)]);
    const chaosRows = [...annotationRows.values(), ...replyRows.values()].filter((row) =>
      String(row.body).startsWith("Chaos "),
    );
    return { lost, broken, unacknowledged: chaosRows.filter((row) => !known.has(row.id)).length };
  } finally {
    await client.end();
  }
}

async function getJson(base: string, writer: Writer, url: string) {
  const response = await fetch(`${base}${url}`, { headers: { cookie: writer.cookie } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

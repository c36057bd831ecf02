import "server-only";
import postgres from "postgres";
import { db } from "@/lib/db";
import { pruneLog, readLogAfter, readLogHead } from "./event-log";
import { LIVE_CHANNEL, type LiveEvent } from "./events";

// One LISTEN connection per app instance, fanned out to the Server-Sent Event
// streams of that instance. Presence travels on the same channel, so every
// instance behind a load balancer knows who is viewing a document anywhere.
//
// The connection is postgres.js's `listen`, which connects again and re-listens at once when
// its connection drops; streams stay open meanwhile. Each time it listens again, what was
// logged while it was deaf is read back from the event log and delivered, once. In case
// re-listening itself fails (the database still down), the hub sends itself a probe through
// the pool every few seconds and starts a new listener when its probe is not heard.
export type Viewer = { connectionId: string; userId: string; name: string; documentId: string };
type PresenceMessage =
  | { type: "presence"; action: "join"; viewer: Viewer; workspaceId: string }
  | { type: "presence"; action: "leave"; viewer: Viewer; workspaceId: string }
  // The heartbeats of many readers of an instance, in one notice.
  | { type: "presence"; action: "beat"; viewers: (Viewer & { workspaceId: string })[] };
type ProbeMessage = { type: "probe"; instance: string };
// A person's notifications changed (new ones written, or read): only their own bells hear it.
type NotificationMessage = { type: "notification"; userIds: string[] };
// onReload: events were lost for good (pruned before they could be read back): the reader
// must read everything again. onLost: the server is stopping.
type Listener = { onEvent: (event: LiveEvent) => void; onReload: () => void; onLost: () => void };
// onChange: the person's notifications changed; onReload: the hub may have missed some.
type UserListener = { onChange: () => void; onReload: () => void; onLost: () => void };

// The name the listening connection shows in pg_stat_activity (one per process).
const LISTEN_APPLICATION_NAME = `counterpoint-live-${process.pid}`;
const VIEWER_TTL_MS = 45_000;
// Every reader of this instance is said to be still here this often, all in a few notices
// (not one query per reader): the cost of heartbeats does not grow with readers × time.
const HEARTBEAT_MS = Number(process.env.LIVE_HEARTBEAT_MS ?? 15_000);
// Under PostgreSQL's 8,000-byte limit for a notice's payload.
const BEAT_PAYLOAD_BYTES = 6_000;
// Presence changes of a document are gathered for this long and sent once: the cost of a
// join grows with the readers told, not with the readers times their heartbeats.
const PRESENCE_FLUSH_MS = Number(process.env.LIVE_PRESENCE_FLUSH_MS ?? 250);
const PROBE_MS = Number(process.env.LIVE_PROBE_MS ?? 5_000);
const PRUNE_MS = 60_000;
// How far back a catch-up also looks for events that took their id before the last one
// heard but committed after it (a transaction's events are logged at most this long before
// it commits; interactive transactions time out sooner).
const STRAGGLER_MS = 20_000;
// Event ids delivered recently, so one heard live and read back from the log is sent once.
const RECENT_MS = 2 * 60_000;

class LiveHub {
  private sql: postgres.Sql | null = null;
  private listening: Promise<void> | null = null;
  private listeners = new Map<string, Set<Listener>>();
  // Bell streams by the person they belong to: never keyed by workspace, never shared.
  private userListeners = new Map<string, Set<UserListener>>();
  private viewers = new Map<string, Viewer & { seenAt: number; workspaceId: string }>();
  private viewersByDocument = new Map<string, Viewer[]>();
  // The readers of this instance's streams, beaten for together.
  private localViewers = new Map<string, Viewer & { workspaceId: string }>();
  private beatTimer: ReturnType<typeof setInterval> | null = null;
  // Documents whose set of readers changed since the last flush, with their workspace.
  private changedDocuments = new Map<string, string>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private sweepTimer: ReturnType<typeof setInterval> | null = null;
  private probeTimer: ReturnType<typeof setInterval> | null = null;
  private pruneTimer: ReturnType<typeof setInterval> | null = null;
  private readonly instance = crypto.randomUUID();
  private probeSentAt = 0;
  private probeHeardAt = 0;
  // The newest event id delivered, and when anything was last heard on the channel.
  private cursor: bigint | null = null;
  private lastHeardAt = Date.now();
  private recent = new Map<string, number>();
  // While the log is read back after listening again, live events wait here (in order).
  private held: LiveEvent[] | null = null;

  // Set once the server is stopping: no new streams then (a browser would reconnect to a
  // server about to vanish, and read its page again from it mid-shutdown).
  isStopping = false;

  constructor() {
    // Open streams would keep a stopping server alive: end them so it can exit.
    for (const signal of ["SIGTERM", "SIGINT"] as const)
      process.once(signal, () => {
        this.isStopping = true;
        this.dropAll();
      });
  }

  async subscribe(workspaceId: string, listener: Listener): Promise<() => void> {
    await this.connect();
    this.sweepTimer ??= setInterval(() => this.sweep(), VIEWER_TTL_MS / 3);
    this.sweepTimer.unref?.();
    this.probeTimer ??= setInterval(() => void this.probe(), PROBE_MS);
    this.probeTimer.unref?.();
    this.pruneTimer ??= setInterval(() => void pruneLog().catch(() => {}), PRUNE_MS);
    this.pruneTimer.unref?.();
    const set = this.listeners.get(workspaceId) ?? new Set();
    set.add(listener);
    this.listeners.set(workspaceId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(workspaceId);
    };
  }

  // A person's bell: told when their notifications change, and nobody else's.
  async subscribeUser(userId: string, listener: UserListener): Promise<() => void> {
    await this.connect();
    this.probeTimer ??= setInterval(() => void this.probe(), PROBE_MS);
    this.probeTimer.unref?.();
    const set = this.userListeners.get(userId) ?? new Set();
    set.add(listener);
    this.userListeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.userListeners.delete(userId);
    };
  }

  // The backend pid of the listening connection (tests end it to simulate a failover).
  async listenerPid(): Promise<number | null> {
    const [row] = await db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE application_name = ${LISTEN_APPLICATION_NAME} AND pid <> pg_backend_pid()`;
    return row?.pid ?? null;
  }

  // Who is reading a document, one entry per person. Asked by every stream of the document
  // when its readers change, so the answer is kept until presence changes again.
  viewersOf(documentId: string): Viewer[] {
    const known = this.viewersByDocument.get(documentId);
    if (known) return known;
    const now = Date.now();
    const byUser = new Map<string, Viewer>();
    for (const viewer of this.viewers.values()) {
      // Gone silent: left out here, forgotten (and everyone told) by the sweep.
      if (now - viewer.seenAt <= VIEWER_TTL_MS && viewer.documentId === documentId) byUser.set(viewer.userId, viewer);
    }
    const viewers = Array.from(byUser.values());
    this.viewersByDocument.set(documentId, viewers);
    return viewers;
  }

  // A reader of this instance arrives (told to everyone at once) and stays until `leave`.
  async join(workspaceId: string, viewer: Viewer) {
    this.localViewers.set(viewer.connectionId, { ...viewer, workspaceId });
    this.beatTimer ??= setInterval(() => void this.beat().catch(() => {}), HEARTBEAT_MS);
    this.beatTimer.unref?.();
    await this.notify({ type: "presence", action: "join", viewer, workspaceId });
  }

  async leave(workspaceId: string, viewer: Viewer) {
    this.localViewers.delete(viewer.connectionId);
    await this.notify({ type: "presence", action: "leave", viewer, workspaceId });
  }

  private async beat() {
    let batch: (Viewer & { workspaceId: string })[] = [];
    let bytes = 0;
    const send = () =>
      batch.length ? this.notify({ type: "presence", action: "beat", viewers: batch }) : Promise.resolve();
    for (const viewer of this.localViewers.values()) {
      const size = JSON.stringify(viewer).length + 1;
      if (bytes + size > BEAT_PAYLOAD_BYTES) {
        await send();
        batch = [];
        bytes = 0;
      }
      batch.push(viewer);
      bytes += size;
    }
    await send();
  }

  private async notify(message: PresenceMessage) {
    await this.connect();
    // Through the pool: the listening connection only listens.
    await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
  }

  private connect(): Promise<void> {
    this.listening ??= this.listen().catch((error) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private async listen() {
    const sql = postgres(process.env.DATABASE_URL!, {
      connection: { application_name: LISTEN_APPLICATION_NAME },
      connect_timeout: 5,
      onnotice: () => {},
    });
    this.sql = sql;
    try {
      await sql.listen(
        LIVE_CHANNEL,
        (payload) => {
          if (this.sql === sql) this.receive(payload);
        },
        () => {
          if (this.sql === sql) void this.listened();
        },
      );
    } catch (error) {
      if (this.sql === sql) this.sql = null;
      void sql.end({ timeout: 0 }).catch(() => {});
      throw error;
    }
  }

  // Listening (again). The first time, events start from the log's head; after a lost
  // connection, what was logged meanwhile is read back and delivered before what arrives live.
  private async listened() {
    this.probeHeardAt = Date.now();
    if (this.cursor === null) {
      this.cursor = await readLogHead().catch(() => 0n);
      return;
    }
    // Bells read their count again: a change may have been announced while deaf.
    for (const set of this.userListeners.values()) for (const listener of set) listener.onReload();
    this.held ??= [];
    try {
      const missed = await readLogAfter(this.cursor, new Date(this.lastHeardAt - STRAGGLER_MS));
      if (missed === "reload") this.reloadAll();
      else for (const event of missed) this.deliver(event);
    } catch {
      this.reloadAll();
    } finally {
      const held = this.held ?? [];
      this.held = null;
      for (const event of held) this.deliver(event);
    }
  }

  // A probe through the pool, heard back on the listening connection: when the last one was
  // not heard, the listener is dead (postgres.js could not listen again): start a new one.
  private async probe() {
    if (!this.sql) {
      await this.connect().catch(() => {});
      return;
    }
    if (this.probeSentAt > this.probeHeardAt && Date.now() - this.probeSentAt >= PROBE_MS / 2) {
      const dead = this.sql;
      this.sql = null;
      this.listening = null;
      void dead.end({ timeout: 0 }).catch(() => {});
      await this.connect().catch(() => {});
      return;
    }
    this.probeSentAt = Date.now();
    const message: ProbeMessage = { type: "probe", instance: this.instance };
    await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`.catch(() => {});
  }

  private reloadAll() {
    for (const set of this.listeners.values()) for (const listener of set) listener.onReload();
    for (const set of this.userListeners.values()) for (const listener of set) listener.onReload();
  }

  // Sends an event to this instance's streams of its workspace, once.
  private deliver(event: LiveEvent) {
    if (event.seq) {
      const now = Date.now();
      if (this.recent.has(event.seq)) return;
      this.recent.set(event.seq, now);
      for (const [seq, at] of this.recent) {
        if (now - at < RECENT_MS) break;
        this.recent.delete(seq);
      }
      const seq = BigInt(event.seq);
      if (this.cursor === null || seq > this.cursor) this.cursor = seq;
    }
    for (const listener of this.listeners.get(event.workspaceId) ?? []) listener.onEvent(event);
  }

  private seen(viewer: Viewer & { workspaceId: string }) {
    const isKnown = this.viewers.has(viewer.connectionId);
    this.viewers.set(viewer.connectionId, { ...viewer, seenAt: Date.now() });
    // A heartbeat of someone already here changes nothing anyone sees.
    if (!isKnown) this.presenceChanged(viewer.workspaceId, viewer.documentId);
  }

  private presenceChanged(workspaceId: string, documentId: string) {
    this.viewersByDocument.delete(documentId);
    this.changedDocuments.set(documentId, workspaceId);
    this.flushTimer ??= setTimeout(() => this.flushPresence(), PRESENCE_FLUSH_MS);
  }

  private flushPresence() {
    this.flushTimer = null;
    const changed = Array.from(this.changedDocuments);
    this.changedDocuments.clear();
    for (const [documentId, workspaceId] of changed) {
      const event: LiveEvent = { workspaceId, documentIds: [documentId], type: "presence", id: documentId };
      for (const listener of this.listeners.get(workspaceId) ?? []) listener.onEvent(event);
    }
  }

  // Readers whose heartbeats stopped (their server went away without a "leave") are dropped.
  private sweep() {
    const now = Date.now();
    for (const [key, viewer] of this.viewers) {
      if (now - viewer.seenAt <= VIEWER_TTL_MS) continue;
      this.viewers.delete(key);
      this.presenceChanged(viewer.workspaceId, viewer.documentId);
    }
  }

  private dropAll() {
    const lost = [
      ...Array.from(this.listeners.values()).flatMap((set) => Array.from(set)),
      ...Array.from(this.userListeners.values()).flatMap((set) => Array.from(set)),
    ];
    this.listeners.clear();
    this.userListeners.clear();
    this.viewers.clear();
    this.viewersByDocument.clear();
    for (const listener of lost) listener.onLost();
  }

  private receive(payload: string | undefined) {
    if (!payload) return;
    this.lastHeardAt = Date.now();
    let message: LiveEvent | PresenceMessage | ProbeMessage | NotificationMessage;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (message.type === "probe") {
      if (message.instance === this.instance) this.probeHeardAt = Date.now();
      return;
    }
    if (message.type === "notification") {
      for (const userId of message.userIds)
        for (const listener of this.userListeners.get(userId) ?? []) listener.onChange();
      return;
    }
    if ("action" in message) {
      if (message.action === "leave") {
        if (this.viewers.delete(message.viewer.connectionId))
          this.presenceChanged(message.workspaceId, message.viewer.documentId);
      } else if (message.action === "join") this.seen({ ...message.viewer, workspaceId: message.workspaceId });
      else for (const viewer of message.viewers) this.seen(viewer);
      return;
    }
    const event = message as LiveEvent;
    if (this.held) this.held.push(event);
    else this.deliver(event);
  }
}

const globalForHub = globalThis as unknown as { liveHub?: LiveHub };
export const liveHub = (globalForHub.liveHub ??= new LiveHub());

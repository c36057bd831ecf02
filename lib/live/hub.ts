import "server-only";
import pg from "pg";
import { db } from "@/lib/db";
import { LIVE_CHANNEL, type LiveEvent } from "./events";

// One LISTEN connection per app instance, fanned out to the Server-Sent Event
// streams of that instance. Presence travels on the same channel, so every
// instance behind a load balancer knows who is viewing a document anywhere.
export type Viewer = { connectionId: string; userId: string; name: string; documentId: string };
type PresenceMessage = { type: "presence"; action: "join" | "beat" | "leave"; viewer: Viewer; workspaceId: string };
type Listener = { onEvent: (event: LiveEvent) => void; onLost: () => void };

const VIEWER_TTL_MS = 45_000;
// Presence changes of a document are gathered for this long and sent once: the cost of a
// join grows with the readers told, not with the readers times their heartbeats.
const PRESENCE_FLUSH_MS = Number(process.env.LIVE_PRESENCE_FLUSH_MS ?? 250);

class LiveHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private listeners = new Map<string, Set<Listener>>();
  private viewers = new Map<string, Viewer & { seenAt: number; workspaceId: string }>();
  // Documents whose set of readers changed since the last flush, with their workspace.
  private changedDocuments = new Map<string, string>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private sweepTimer: ReturnType<typeof setInterval> | null = null;

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
    const set = this.listeners.get(workspaceId) ?? new Set();
    set.add(listener);
    this.listeners.set(workspaceId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(workspaceId);
    };
  }

  viewersOf(documentId: string): Viewer[] {
    const now = Date.now();
    const byUser = new Map<string, Viewer>();
    for (const [key, viewer] of this.viewers) {
      if (now - viewer.seenAt > VIEWER_TTL_MS) this.viewers.delete(key);
      else if (viewer.documentId === documentId) byUser.set(viewer.userId, viewer);
    }
    return Array.from(byUser.values());
  }

  async announce(workspaceId: string, action: PresenceMessage["action"], viewer: Viewer) {
    await this.connect();
    const message: PresenceMessage = { type: "presence", action, viewer, workspaceId };
    // Through the pool: the listening connection only listens.
    await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      client.on("notification", (message) => this.receive(message.payload));
      // A dropped connection ends every stream it fed (browsers reconnect and catch up); the
      // next subscription opens a new one.
      client.on("error", () => this.reset(client));
      client.on("end", () => this.reset(client));
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      this.client = client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private reset(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => {});
    this.dropAll();
  }

  private presenceChanged(workspaceId: string, documentId: string) {
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
    const lost = Array.from(this.listeners.values()).flatMap((set) => Array.from(set));
    this.listeners.clear();
    this.viewers.clear();
    for (const listener of lost) listener.onLost();
  }

  private receive(payload: string | undefined) {
    if (!payload) return;
    let message: LiveEvent | PresenceMessage;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if ("action" in message) {
      const key = message.viewer.connectionId;
      const isKnown = this.viewers.has(key);
      if (message.action === "leave") {
        if (this.viewers.delete(key)) this.presenceChanged(message.workspaceId, message.viewer.documentId);
      } else {
        this.viewers.set(key, { ...message.viewer, workspaceId: message.workspaceId, seenAt: Date.now() });
        // A heartbeat of someone already here changes nothing anyone sees.
        if (!isKnown) this.presenceChanged(message.workspaceId, message.viewer.documentId);
      }
      return;
    }
    for (const listener of this.listeners.get(message.workspaceId) ?? []) listener.onEvent(message);
  }
}

const globalForHub = globalThis as unknown as { liveHub?: LiveHub };
export const liveHub = (globalForHub.liveHub ??= new LiveHub());

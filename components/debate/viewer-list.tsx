import type { LiveStatus, Viewer } from "./use-live-events";

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  ended: "Live updates ended: reload the page",
};

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");

// Who else has this document open right now.
export function ViewerList({
  viewers,
  userId,
  status,
}: {
  viewers: Viewer[];
  userId: string | null;
  status: LiveStatus;
}) {
  const isConnected = status === "live";
  const others = viewers.filter((viewer) => viewer.id !== userId);
  return (
    <div className="flex items-center gap-2 text-xs text-stone-500" data-testid="viewers">
      <span
        className={`size-2 rounded-full ${isConnected ? "bg-emerald-500" : "bg-stone-400"}`}
        title={isConnected ? "Live: changes appear as they happen" : STATUS_TEXT[status]}
        aria-hidden
      />
      {others.length && isConnected ? (
        <>
          <ul className="flex -space-x-1.5" aria-label="Also reading this document">
            {others.slice(0, 5).map((viewer) => (
              <li
                key={viewer.id}
                title={viewer.name}
                className="grid size-6 place-items-center rounded-full bg-accent-600 text-[10px] font-semibold text-white ring-2 ring-stone-50 dark:ring-stone-950"
              >
                {initials(viewer.name)}
                <span className="sr-only">{viewer.name}</span>
              </li>
            ))}
          </ul>
          <span>{others.length === 1 ? `${others[0]!.name} is here` : `${others.length} others here`}</span>
        </>
      ) : (
        <span role="status" data-testid="live-status">
          {STATUS_TEXT[status]}
        </span>
      )}
    </div>
  );
}
